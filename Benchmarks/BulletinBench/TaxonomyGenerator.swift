/// Rules files with N synthetic topics of 20 terms each, for the rule-scaling figure.
///
/// Terms come from the rarer half of the corpus vocabulary so that they do match, but
/// selectively: 60% single words, 25% two-word phrases, 15% prefix wildcards (the first 5–7
/// letters of a word, then `*`), some
/// with a weight. A topic is `(t1 OR … OR t14) AND (t15 OR … OR t20)` or a plain OR of 20
/// terms, with threshold 2 — the shapes of Config/topics.toml.
///
/// With `matching: false`, every word gets the prefix "qz", which no corpus word has (the
/// vocabulary's onsets never put q before z): the same shapes and sizes, and no term occurs
/// in the corpus — the taxonomy of a user whose topics are about other things.
struct TaxonomyGenerator {
    let vocabulary: SyntheticVocabulary
    let seed: UInt64

    /// The TOML text of a rules file with `topics` topics.
    func rulesFile(topics: Int, matching: Bool = true) -> String {
        var random = SplitMix64(seed: seed ^ UInt64(topics) &* 0x51_7CC1_B727_220A)
        let mark = matching ? "" : "qz"
        var text = "# Synthetic taxonomy for bulletind-bench: \(topics) topics of 20 terms.\n"
        text.reserveCapacity(topics * 400)
        for index in 0..<topics {
            var terms: [String] = []
            for _ in 0..<20 { terms.append(term(&random, mark: mark)) }
            let rule: String
            if random.chance(0.5) {
                rule = "(" + terms[0..<14].joined(separator: " OR ") + ") AND (" + terms[14...].joined(separator: " OR ") + ")"
            } else {
                rule = terms.joined(separator: " OR ")
            }
            text += "\n[[topic]]\nid = \"t\(index)\"\nname = \"Topic \(index)\"\nthreshold = 2\nrule = '''\(rule)'''\n"
        }
        return text
    }

    private func term(_ random: inout SplitMix64, mark: String) -> String {
        // Real rule terms are specific words, not the commonest ones: draw from the Zipf ranks
        // 2000 and up, so an article matches a few topics per hundred, not dozens.
        let words = vocabulary.words
        func contentWord() -> String {
            mark + words[random.int(in: min(2_000, words.count - 1)...(words.count - 1))]
        }
        let kind = random.unit()
        var term: String
        if kind < 0.60 {
            term = contentWord()
        } else if kind < 0.85 {
            term = "\"" + contentWord() + " " + contentWord() + "\""
        } else {
            var word = contentWord()
            while word.utf8.count < 6 + mark.utf8.count { word = contentWord() }
            term = String(word.prefix(random.int(in: (5 + mark.count)...min(7 + mark.count, word.count)))) + "*"
        }
        if random.chance(0.2) { term += "^\(random.int(in: 2...3))" }
        return term
    }
}
