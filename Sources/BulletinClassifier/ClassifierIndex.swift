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

    private let matcher: TermMatcher
    private let topics: [CompiledTopic]
    private let topicsByPattern: [[Int32]]

    /// Compiles the topics; a topic whose rule does not parse is left out.
    init(topics: [Topic]) {
        var patternIDs: [TermMatcher.Pattern: Int32] = [:]
        var patterns: [TermMatcher.Pattern] = []
        var compiled: [CompiledTopic] = []
        var topicsByPattern: [[Int32]] = []
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
                    topicsByPattern.append([])
                }
                ids.append(id)
                if term.isPositive && topicsByPattern[Int(id)].last != topicIndex {
                    topicsByPattern[Int(id)].append(topicIndex)
                }
            }
            compiled.append(CompiledTopic(topic: topic, rule: rule, patternIDs: ids))
        }
        self.matcher = TermMatcher(patterns: patterns)
        self.topics = compiled
        self.topicsByPattern = topicsByPattern
    }

    func classify(_ article: Article) -> [TopicMatch] {
        var words = TermMatcher.ArticleWords()
        let title = matcher.matches(in: article.title, words: &words)
        let body = matcher.matches(in: article.body, words: &words)
        let why = matcher.matches(in: article.why ?? "", words: &words)
        var candidates = Set<Int32>()
        for set in [title, body, why] {
            for pattern in set { candidates.formUnion(topicsByPattern[Int(pattern)]) }
        }
        var results: [(index: Int32, match: TopicMatch)] = []
        for index in candidates.sorted() {
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
