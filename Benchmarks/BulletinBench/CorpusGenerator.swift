import BulletinSplitter

/// Writes deterministic synthetic bulletins in the layout of the Diplo digest: per article a
/// title line, a blank line, body paragraphs, usually a "Why does it matter?" heading and one
/// or two paragraphs, then the trailer line in one of its real-world variants (punctuation,
/// non-breaking spaces); a blank line between all of them. 6–12 articles of 250–600 words.
///
/// Each article has a main theme whose words (terms of Config/topics.toml) make up about 2.5%
/// of its words, sometimes a second theme at about 1%, and "AI" at about 1.5% in three
/// articles out of four — roughly the rates of real digital-policy news.
struct CorpusGenerator {
    let vocabulary: SyntheticVocabulary
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        vocabulary = SyntheticVocabulary(seed: seed)
    }

    /// The trailer line variants: with and without "?", comma after "tech", "!" and a
    /// non-breaking space after "If so,", and a trailing non-breaking space.
    static let trailers: [String] = [
        "Would you like to learn more about AI, tech, and digital diplomacy? If so,\u{00A0}ask our Diplo chatbot!",
        "Would you like to learn more about AI, tech and digital diplomacyIf so,\u{00A0}ask our Diplo chatbot!",
        "Would you like to learn more about AI, tech and digital diplomacyIf so,\u{00A0}ask our Diplo chatbot! \u{00A0}",
        "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot",
        "Would you like to learn more about AI, tech and digital diplomacy? If so,\u{00A0}ask our Diplo chatbot",
    ]

    /// Bulletin number `index` (0-based): the same index and seed always give the same bytes.
    func bulletin(_ index: Int) -> SyntheticBulletin {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x1000_0000_01B3)
        let count = random.int(in: 6...12)
        var text = ""
        text.reserveCapacity(count * 3_200)
        var articles: [Article] = []
        for position in 1...count {
            let article = self.article(position: position, random: &random)
            articles.append(article)
            text += article.title + "\n\n"
            text += article.body + "\n\n"
            if let why = article.why {
                text += "Why does it matter?\n\n" + why + "\n\n"
            }
            text += Self.trailers[random.int(in: 0...(Self.trailers.count - 1))] + "\n"
            if position < count { text += "\n" }
        }
        return SyntheticBulletin(fileName: Self.fileName(index), text: text, articles: articles)
    }

    /// One article with its own word budget split between body and "why it matters".
    func article(position: Int, random: inout SplitMix64) -> Article {
        let themes = vocabulary.themes
        let main = themes[random.int(in: 0...(themes.count - 1))]
        let second: [String]? = random.chance(0.5) ? themes[random.int(in: 0...(themes.count - 1))] : nil
        let mentionsAI = random.chance(0.75)
        var mix = WordMix(main: main, second: second, mentionsAI: mentionsAI)
        let budget = random.int(in: 250...600)
        let hasWhy = random.chance(0.9)
        let whyWords = hasWhy ? min(budget / 3, random.int(in: 45...130)) : 0
        let title = self.title(mix: &mix, random: &random)
        let body = paragraphs(words: budget - whyWords, mix: &mix, random: &random)
        let why = hasWhy ? paragraphs(words: whyWords, mix: &mix, random: &random) : nil
        return Article(title: title, body: body, why: why, position: position)
    }

    /// The theme words an article draws from.
    struct WordMix {
        var main: [String]
        var second: [String]?
        var mentionsAI: Bool
    }

    private func nextWord(_ mix: inout WordMix, random: inout SplitMix64) -> String {
        let u = random.unit()
        if u < 0.025 { return mix.main[random.int(in: 0...(mix.main.count - 1))] }
        if u < 0.035, let second = mix.second { return second[random.int(in: 0...(second.count - 1))] }
        if u < 0.05, mix.mentionsAI { return "AI" }
        return vocabulary.word(&random)
    }

    /// 5–11 capitalised words, no final full stop; often names the main theme.
    private func title(mix: inout WordMix, random: inout SplitMix64) -> String {
        var words: [String] = []
        let count = random.int(in: 5...11)
        let themeAt = random.chance(0.6) ? random.int(in: 1...(count - 1)) : -1
        for i in 0..<count {
            if i == themeAt {
                words.append(mix.main[random.int(in: 0...(mix.main.count - 1))])
            } else if i == 0 && mix.mentionsAI && random.chance(0.3) {
                words.append("AI")
            } else {
                words.append(vocabulary.word(&random))
            }
        }
        return Self.capitalised(words.joined(separator: " "))
    }

    /// Paragraphs of 2–4 sentences (12–28 words each) totalling about `words` words,
    /// separated by a blank line.
    private func paragraphs(words: Int, mix: inout WordMix, random: inout SplitMix64) -> String {
        var paragraphs: [String] = []
        var written = 0
        while written < words {
            var sentences: [String] = []
            for _ in 0..<random.int(in: 2...4) where written < words {
                let length = min(random.int(in: 12...28), max(6, words - written))
                var sentence: [String] = []
                sentence.reserveCapacity(length)
                for i in 0..<length {
                    var word = nextWord(&mix, random: &random)
                    if i > 2 && i < length - 2 && random.chance(0.06) { word += "," }
                    sentence.append(word)
                }
                written += length
                sentences.append(Self.capitalised(sentence.joined(separator: " ")) + ".")
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// `digest-000042.txt`
    static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "digest-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".txt"
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
