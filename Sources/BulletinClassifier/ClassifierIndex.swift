import BulletinSplitter

/// Every rule of a taxonomy compiled into one matcher, plus an inverted index from
/// patterns to the topics where they are positive terms. Immutable once built.
///
/// Topics, terms, postings and rule programs live in flat arrays indexed by topic, term
/// and pattern ids, so classifying an article allocates nothing but its results: the
/// per-call buffers come from a pool, and are cleared at the cost of what was touched.
struct ClassifierIndex: Sendable {
    /// An unscoped term found in the title counts this many times its weight.
    static let titleBonus = 1.5

    /// Field bits of `TermMatcher.Matches.fields`; 0 in `termField` means any field.
    private static let titleBit: UInt8 = 1
    private static let bodyBit: UInt8 = 2
    private static let whyBit: UInt8 = 4

    private static func fieldBit(_ field: RuleField?) -> UInt8 {
        switch field {
        case nil: 0
        case .title: titleBit
        case .body: bodyBit
        case .why: whyBit
        }
    }

    private let matcher: TermMatcher

    // Topics, in file order (a topic whose rule does not parse is left out).
    private let topicIDs: [String]
    private let thresholds: [Double]
    /// Topic `t`'s terms are `termStart[t]..<termStart[t + 1]`, in rule order.
    private let termStart: [Int32]
    /// Topic `t`'s rule program is `program[programStart[t]..<programStart[t + 1]]`.
    private let programStart: [Int32]
    private let program: [Int32]

    /// A term of a topic's rule: its pattern, field bit (0: any), weight, and whether it is
    /// positive. One record, so that a topic's terms are read from a few cache lines.
    private struct Term: Sendable {
        var weight: Double
        var pattern: Int32
        var field: UInt8
        var isPositive: Bool
    }

    /// A positive term of a topic, reached from its pattern.
    private struct Posting: Sendable {
        var weight: Double
        var topic: Int32
        var field: UInt8
    }

    /// The terms of all topics, and how each is written (`RuleTerm.display`).
    private let terms: [Term]
    private let termDisplay: [String]

    /// For each pattern, the positive terms written with it.
    private let postings: FlatLists<Posting>

    private let scratch: ScratchPool<Scratch>

    /// The working memory of one `classify` call.
    private struct Scratch {
        var matches: TermMatcher.Matches
        /// Per topic: the sum of its matched postings; reset after each call.
        var scores: [Double]
        /// The topics with a nonzero entry in `scores`.
        var scored: [Int32] = []
        /// Per term of the topic being evaluated: whether it matched.
        var matched: [Bool]
        var stack: [Bool]
    }

    /// Compiles the topics; a topic whose rule does not parse is left out.
    init(topics: [Topic]) {
        var patternIDs: [TermMatcher.Pattern: Int32] = [:]
        var patterns: [TermMatcher.Pattern] = []
        var topicIDs: [String] = []
        var thresholds: [Double] = []
        var termStart: [Int32] = [0]
        var programStart: [Int32] = [0]
        var program: [Int32] = []
        var terms: [Term] = []
        var termDisplay: [String] = []
        var postings: [[Posting]] = []
        var longestRule = 0
        var longestProgram = 0
        for topic in topics {
            guard let rule = try? CompiledRule.parse(topic.rule) else { continue }
            let topicIndex = Int32(topicIDs.count)
            for term in rule.terms {
                let pattern = TermMatcher.Pattern(words: term.words, isPrefix: term.isPrefix)
                let id: Int32
                if let existing = patternIDs[pattern] {
                    id = existing
                } else {
                    id = Int32(patterns.count)
                    patternIDs[pattern] = id
                    patterns.append(pattern)
                    postings.append([])
                }
                let field = Self.fieldBit(term.field)
                terms.append(Term(weight: term.weight, pattern: id, field: field, isPositive: term.isPositive))
                termDisplay.append(term.display)
                if term.isPositive {
                    postings[Int(id)].append(Posting(weight: term.weight, topic: topicIndex, field: field))
                }
            }
            let programCount = program.count
            RuleProgram.compile(rule.expression, into: &program)
            longestRule = max(longestRule, rule.terms.count)
            longestProgram = max(longestProgram, program.count - programCount)
            topicIDs.append(topic.id)
            thresholds.append(topic.threshold)
            termStart.append(Int32(terms.count))
            programStart.append(Int32(program.count))
        }
        let matcher = TermMatcher(patterns: patterns)
        self.matcher = matcher
        self.topicIDs = topicIDs
        self.thresholds = thresholds
        self.termStart = termStart
        self.programStart = programStart
        self.program = program
        self.terms = terms
        self.termDisplay = termDisplay
        self.postings = FlatLists(postings)
        let topicCount = topicIDs.count
        let (ruleLength, programLength) = (longestRule, longestProgram)
        self.scratch = ScratchPool {
            Scratch(matches: TermMatcher.Matches(patternCount: matcher.patternCount),
                    scores: [Double](repeating: 0, count: topicCount),
                    matched: [Bool](repeating: false, count: ruleLength),
                    stack: [Bool](repeating: false, count: programLength))
        }
    }

    func classify(_ article: Article) -> [TopicMatch] {
        scratch.with { scratch in
            let matches = classify(article, scratch: &scratch)
            scratch.matches.reset()
            return matches
        }
    }

    private func classify(_ article: Article, scratch: inout Scratch) -> [TopicMatch] {
        matcher.match(article.title, field: Self.titleBit, into: &scratch.matches)
        matcher.match(article.body, field: Self.bodyBit, into: &scratch.matches)
        if let why = article.why { matcher.match(why, field: Self.whyBit, into: &scratch.matches) }
        let fields = scratch.matches.fields
        // The score of every topic with a matched positive term, from the postings of the
        // matched patterns alone: a topic whose score stays below its threshold cannot match,
        // so its rule is never evaluated. The cost follows the matches, not the taxonomy's size.
        for pattern in scratch.matches.found {
            let found = fields[Int(pattern)]
            let bonus = found & Self.titleBit != 0 ? Self.titleBonus : 1
            for posting in postings[Int(pattern)] {
                guard posting.field == 0 || found & posting.field != 0 else { continue }
                let topic = Int(posting.topic)
                if scratch.scores[topic] == 0 { scratch.scored.append(posting.topic) }
                scratch.scores[topic] += posting.weight * (posting.field == 0 ? bonus : 1)
            }
        }
        var results: [(index: Int32, match: TopicMatch)] = []
        for topic in scratch.scored {
            let bound = scratch.scores[Int(topic)]
            scratch.scores[Int(topic)] = 0
            guard bound >= thresholds[Int(topic)] - 1e-9,
                  let match = evaluate(Int(topic), fields: fields, scratch: &scratch) else { continue }
            results.append((topic, match))
        }
        scratch.scored.removeAll(keepingCapacity: true)
        results.sort { $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.index < $1.index }
        return results.map(\.match)
    }

    /// The topic's match when its rule holds and its score (summed in rule order) reaches
    /// its threshold, given the fields each pattern was found in.
    private func evaluate(_ topic: Int, fields: [UInt8], scratch: inout Scratch) -> TopicMatch? {
        let range = Int(termStart[topic])..<Int(termStart[topic + 1])
        var score = 0.0
        var count = 0
        for (offset, term) in terms[range].enumerated() {
            let found = fields[Int(term.pattern)]
            let matched = term.field == 0 ? found != 0 : found & term.field != 0
            scratch.matched[offset] = matched
            if matched && term.isPositive {
                let inTitle = term.field == 0 && found & Self.titleBit != 0
                score += term.weight * (inTitle ? Self.titleBonus : 1)
                count += 1
            }
        }
        guard score >= thresholds[topic] else { return nil }
        let program = program[Int(programStart[topic])..<Int(programStart[topic + 1])]
        let holds = scratch.matched.withUnsafeBufferPointer { matched in
            scratch.stack.withUnsafeMutableBufferPointer { stack in
                RuleProgram.evaluate(program, matched: matched, stack: stack)
            }
        }
        guard holds else { return nil }
        var matchedTerms: [String] = []
        matchedTerms.reserveCapacity(count)
        for (offset, term) in terms[range].enumerated() where term.isPositive && scratch.matched[offset] {
            matchedTerms.append(termDisplay[range.lowerBound + offset])
        }
        return TopicMatch(topicID: topicIDs[topic], score: score, matchedTerms: matchedTerms)
    }
}
