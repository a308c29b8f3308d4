import BulletinSplitter

/// Every rule of a taxonomy compiled into one matcher, plus an inverted index from
/// patterns to the topics where they are positive terms. Immutable once built.
struct ClassifierIndex: Sendable {
    /// An unscoped term found in the title counts this many times its weight.
    static let titleBonus = 1.5

    private struct CompiledTopic: Sendable {
        var topic: Topic
        var rule: CompiledRule
        /// Pattern id of each of `rule.terms`.
        var patternIDs: [Int32]
    }

    /// A positive term of a topic, reached from its pattern.
    private struct Posting: Sendable {
        var topic: Int32
        var field: RuleField?
        var weight: Double
    }

    private let matcher: TermMatcher
    private let topics: [CompiledTopic]
    /// For each pattern, the positive terms written with it (topic, field, weight).
    private let postings: [[Posting]]

    /// Compiles the topics; a topic whose rule does not parse is left out.
    init(topics: [Topic]) {
        var patternIDs: [TermMatcher.Pattern: Int32] = [:]
        var patterns: [TermMatcher.Pattern] = []
        var compiled: [CompiledTopic] = []
        var postings: [[Posting]] = []
        for topic in topics {
            guard let rule = try? CompiledRule.parse(topic.rule) else { continue }
            let topicIndex = Int32(compiled.count)
            var ids: [Int32] = []
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
                ids.append(id)
                if term.isPositive {
                    postings[Int(id)].append(Posting(topic: topicIndex, field: term.field, weight: term.weight))
                }
            }
            compiled.append(CompiledTopic(topic: topic, rule: rule, patternIDs: ids))
        }
        self.matcher = TermMatcher(patterns: patterns)
        self.topics = compiled
        self.postings = postings
    }

    func classify(_ article: Article) -> [TopicMatch] {
        var words = TermMatcher.ArticleWords()
        let title = matcher.matches(in: article.title, words: &words)
        let body = matcher.matches(in: article.body, words: &words)
        let why = matcher.matches(in: article.why ?? "", words: &words)
        // The score of every topic with a matched positive term, from the postings of the
        // matched patterns alone: a topic whose score stays below its threshold cannot match,
        // so its rule is never evaluated. The cost follows the matches, not the taxonomy's size.
        var scores: [Int32: Double] = [:]
        for pattern in title.union(body).union(why) {
            let inTitle = title.contains(pattern)
            for posting in postings[Int(pattern)] {
                let found: Bool
                switch posting.field {
                case nil: found = true
                case .title: found = inTitle
                case .body: found = body.contains(pattern)
                case .why: found = why.contains(pattern)
                }
                if found {
                    scores[posting.topic, default: 0] += posting.weight * (posting.field == nil && inTitle ? Self.titleBonus : 1)
                }
            }
        }
        var results: [(index: Int32, match: TopicMatch)] = []
        for (index, bound) in scores.sorted(by: { $0.key < $1.key })
        where bound >= topics[Int(index)].topic.threshold - 1e-9 {
            let compiled = topics[Int(index)]
            let terms = compiled.rule.terms
            let matched = terms.indices.map { termIndex -> Bool in
                let pattern = compiled.patternIDs[termIndex]
                switch terms[termIndex].field {
                case nil: return title.contains(pattern) || body.contains(pattern) || why.contains(pattern)
                case .title: return title.contains(pattern)
                case .body: return body.contains(pattern)
                case .why: return why.contains(pattern)
                }
            }
            guard compiled.rule.expression.evaluate({ matched[$0] }) else { continue }
            var score = 0.0
            var matchedTerms: [String] = []
            for (termIndex, term) in terms.enumerated() where term.isPositive && matched[termIndex] {
                let inTitle = term.field == nil && title.contains(compiled.patternIDs[termIndex])
                score += term.weight * (inTitle ? Self.titleBonus : 1)
                matchedTerms.append(term.display)
            }
            guard score >= compiled.topic.threshold else { continue }
            results.append((index, TopicMatch(topicID: compiled.topic.id, score: score, matchedTerms: matchedTerms)))
        }
        results.sort { $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.index < $1.index }
        return results.map(\.match)
    }
}
