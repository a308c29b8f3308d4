import Testing
import BulletinSplitter
@testable import BulletinClassifier

/// A deterministic random number generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The obvious, slow classifier: scans each field's words for each term of each topic.
/// The real classifier must agree with it exactly.
struct ReferenceClassifier {
    let topics: [Topic]
    let rules: [CompiledRule]

    init(_ topics: [Topic]) throws {
        self.topics = topics
        rules = try topics.map { try CompiledRule.parse($0.rule) }
    }

    static func occurs(_ term: RuleTerm, in words: [String]) -> Bool {
        guard words.count >= term.words.count else { return false }
        for start in 0...(words.count - term.words.count) {
            let found = term.words.indices.allSatisfy { offset in
                let word = words[start + offset]
                let isLast = offset == term.words.count - 1
                return isLast && term.isPrefix ? word.hasPrefix(term.words[offset]) : word == term.words[offset]
            }
            if found { return true }
        }
        return false
    }

    func classify(_ article: Article) -> [TopicMatch] {
        let title = WordNormalizer.words(in: article.title)
        let body = WordNormalizer.words(in: article.body)
        let why = WordNormalizer.words(in: article.why ?? "")
        var results: [(Int, TopicMatch)] = []
        for (index, topic) in topics.enumerated() {
            let rule = rules[index]
            let matched = rule.terms.map { term -> Bool in
                switch term.field {
                case nil: Self.occurs(term, in: title) || Self.occurs(term, in: body) || Self.occurs(term, in: why)
                case .title: Self.occurs(term, in: title)
                case .body: Self.occurs(term, in: body)
                case .why: Self.occurs(term, in: why)
                }
            }
            guard rule.expression.evaluate({ matched[$0] }) else { continue }
            var score = 0.0
            var terms: [String] = []
            for (termIndex, term) in rule.terms.enumerated() where term.isPositive && matched[termIndex] {
                let inTitle = term.field == nil && Self.occurs(term, in: title)
                score += term.weight * (inTitle ? ClassifierIndex.titleBonus : 1)
                terms.append(term.display)
            }
            if score >= topic.threshold {
                results.append((index, TopicMatch(topicID: topic.id, score: score, matchedTerms: terms)))
            }
        }
        return results.sorted { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }.map(\.1)
    }
}

struct ReferenceMatcherTests {
    static let vocabulary = ["data", "centre", "centres", "regulation", "regulator", "law", "chip", "chips",
                             "cyber", "6G", "AI", "grid", "energy", "trade", "Résumé", "open"]

    /// Words that share beginnings, and words longer than 8 and 16 bytes (the matcher keeps
    /// a key's first 16 bytes in its hash table and compares the rest apart).
    static let longVocabulary = ["internationalisation", "internationalisations", "international", "inter",
                                 "telecommunications", "telecommunication", "tele", "Überregulierung",
                                 "überregulierungsgesetze", "naïveté", "naive", "datacentre", "datacentres",
                                 "data", "AI", "ai", "6G", "x"]

    struct RuleGenerator {
        var random: SeededGenerator
        var vocabulary = ReferenceMatcherTests.vocabulary
        var separators = [" ", ", ", "-", "’", ". ", "\n\n"]
        var extras = ["the", "of", "Data-Centres", "RÉGULATION", "6g", "chipset", "regulators"]

        mutating func word() -> String { vocabulary.randomElement(using: &random) ?? "x" }

        mutating func prefix(of word: String) -> String {
            String(word.prefix(Int.random(in: 1...word.count, using: &random))) + "*"
        }

        mutating func term(scoped: Bool) -> String {
            var text: String
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1: text = word()
            case 2: text = prefix(of: word())
            default:
                var words = (0..<Int.random(in: 2...3, using: &random)).map { _ in word() }
                if Bool.random(using: &random), let last = words.popLast() { words.append(prefix(of: last)) }
                text = "\"" + words.joined(separator: " ") + "\""
            }
            if !scoped && Int.random(in: 0..<4, using: &random) == 0 {
                text = ["title:", "body:", "why:"].randomElement(using: &random)! + text
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                text += "^" + ["0.5", "2", "3"].randomElement(using: &random)!
            }
            return text
        }

        mutating func expression(depth: Int, scoped: Bool) -> String {
            if depth == 0 || Int.random(in: 0..<10, using: &random) < 4 { return term(scoped: scoped) }
            var scope = ""
            var innerScoped = scoped
            if !scoped && Int.random(in: 0..<5, using: &random) == 0 {
                scope = ["title:", "body:", "why:"].randomElement(using: &random)!
                innerScoped = true
            }
            let joiner = [" AND ", " OR ", " "].randomElement(using: &random)!
            let operands = (0..<Int.random(in: 2...3, using: &random)).map { _ in
                let operand = expression(depth: depth - 1, scoped: innerScoped)
                return Int.random(in: 0..<5, using: &random) == 0 ? "NOT " + operand : operand
            }
            return scope + "(" + operands.joined(separator: joiner) + ")"
        }

        mutating func rule() -> String {
            term(scoped: false) + [" AND ", " OR "].randomElement(using: &random)! + expression(depth: 3, scoped: false)
        }

        mutating func text() -> String {
            return (0..<Int.random(in: 0...14, using: &random)).map { _ in
                (Bool.random(using: &random) ? word() : extras.randomElement(using: &random)!)
                    + separators.randomElement(using: &random)!
            }.joined()
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func agreesWithNaiveEvaluator(seed: UInt64) throws {
        try checkAgainstReference(RuleGenerator(random: SeededGenerator(seed: seed)), topicCount: 40)
    }

    /// Many topics over a few words: topics share terms, prefixes overlap whole words and each
    /// other (of 1 to 23 bytes), phrases are made of words that are also terms.
    @Test(arguments: [5, 77, 2027] as [UInt64])
    func agreesWithNaiveEvaluatorOnSharedAndLongTerms(seed: UInt64) throws {
        var generator = RuleGenerator(random: SeededGenerator(seed: seed), vocabulary: Self.longVocabulary)
        generator.separators += ["é", "\u{301}", "\u{00A0}", "ß"]
        generator.extras += ["INTERNATIONALISATIONs", "Telecommunicationsx", "dataCentre", "naïve", "NAÏVETÉS",
                             "überregulierungsgesetzeXYZ"]
        try checkAgainstReference(generator, topicCount: 300)
    }

    func checkAgainstReference(_ rules: RuleGenerator, topicCount: Int) throws {
        var generator = rules
        let topics = (0..<topicCount).map { index -> (id: String, rule: String, threshold: Double?) in
            ("t\(index)", generator.rule(), [nil, 1, 2, 3.5].randomElement(using: &generator.random)!)
        }
        let classifier = try makeClassifier(topics)
        #expect(classifier.taxonomy.topics.count == topicCount)
        let reference = try ReferenceClassifier(classifier.taxonomy.topics)
        var nonEmpty = 0
        for position in 1...60 {
            let article = Article(title: generator.text(), body: generator.text(),
                                  why: Bool.random(using: &generator.random) ? generator.text() : nil,
                                  position: position)
            let expected = reference.classify(article)
            #expect(classifier.classify(article) == expected, "article \(article)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        // The generated data must exercise matching, not only agree on "nothing".
        #expect(nonEmpty > 10)
    }
}
