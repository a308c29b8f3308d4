/// The invented words the corpus is written in, with Zipf-like frequencies, plus the topic
/// words of the default taxonomy (Config/topics.toml) grouped by theme.
///
/// Filler words are built from syllables by the PRNG, so no text is copied from anywhere;
/// a few short English function words keep sentences shaped like prose (and give the
/// full-text index the very common terms real text has).
struct SyntheticVocabulary {
    /// Filler words, most frequent first.
    let words: [String]
    /// Cumulative Zipf weights of `words` (last element 1.0).
    private let cumulative: [Double]
    /// Topic words and phrases by theme; each theme matches one topic of Config/topics.toml.
    let themes: [[String]]

    static let functionWords = ["the", "of", "and", "to", "in", "a", "for", "on", "with", "as",
                                "by", "that", "is", "its", "at", "from", "will", "has", "are", "new"]

    /// Words that match the default rules, one list per theme (terms of the shipped rules,
    /// which are ordinary policy vocabulary).
    static let themeWords: [[String]] = [
        ["governance", "regulation", "legislation", "oversight", "AI act", "accountability", "treaty", "ethics"],
        ["adoption", "deployment", "startups", "chatbots", "large language models", "commercialisation", "usage"],
        ["data centre", "data centres", "electricity", "renewable energy", "cooling", "grid", "hyperscale"],
        ["telecoms", "6G", "5G", "spectrum", "broadband", "mobile networks", "operators", "connectivity"],
        ["semiconductors", "chips", "chipmakers", "lithography", "wafers", "supercomputer", "GPUs"],
        ["cybersecurity", "ransomware", "malware", "hackers", "vulnerabilities", "phishing", "espionage"],
        ["privacy", "personal data", "data protection", "GDPR", "surveillance", "biometrics", "consent"],
        ["copyright", "intellectual property", "piracy", "deepfakes", "disinformation", "content moderation"],
        ["digital economy", "digital trade", "e-commerce", "tariffs", "consumers", "fintech", "retail"],
        ["biomedicine", "biotech", "healthcare", "pharmaceutical", "drug discovery", "genomics", "clinical"],
        ["sovereignty", "geopolitics", "export controls", "sanctions", "self-reliance", "supply chains"],
        ["online safety", "child safety", "age verification", "children", "social media", "harmful content"],
    ]

    init(seed: UInt64, size: Int = 20_000) {
        var random = SplitMix64(seed: seed ^ 0x766F_6361_6275_6C61)
        let onsets = ["b", "br", "c", "cl", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p",
                      "pl", "pr", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "ch", "qu"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
        let codas = ["", "", "", "n", "r", "l", "s", "m", "nd", "st", "rt", "x"]
        var seen = Set(Self.functionWords)
        var words = Self.functionWords
        while words.count < size {
            var word = ""
            for _ in 0..<random.int(in: 1...4) {
                word += onsets[random.int(in: 0...(onsets.count - 1))]
                word += vowels[random.int(in: 0...(vowels.count - 1))]
            }
            word += codas[random.int(in: 0...(codas.count - 1))]
            if word.utf8.count >= 2, seen.insert(word).inserted { words.append(word) }
        }
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(words.count)
        for rank in 1...words.count {
            total += 1.0 / Double(rank)
            cumulative.append(total)
        }
        self.words = words
        self.cumulative = cumulative.map { $0 / total }
        self.themes = Self.themeWords
    }

    /// A filler word drawn with Zipf frequencies.
    func word(_ random: inout SplitMix64) -> String {
        words[rank(random.unit())]
    }

    /// The index of the first cumulative weight above `u` (binary search).
    private func rank(_ u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
