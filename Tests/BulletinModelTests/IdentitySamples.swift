import BulletinSplitter

/// Articles whose fingerprints were recorded before the SHA-256 implementation changed.
enum IdentitySamples {
    static let articles: [Article] = [
        Article(title: "Regulators agree on a shared test for AI chatbots",
                body: "Data protection and competition regulators from five countries agreed on a common method.\n\nThe method covers training data.",
                why: "A shared audit method lowers the cost of compliance.", position: 1),
        Article(title: "  ÜBER Straße  İstanbul ΣΑΣ ",
                body: "tabs\tand\nnewlines\r\n  and\u{00A0}no-break\u{2003}em space\u{3000}ideographic",
                why: nil, position: 2),
        Article(title: "👩‍💻 Emoji — dash", body: "ﬁ ligature, ǅ titlecase, \u{0085}next line\u{2028}ls \u{1C}fs \u{0B}vt",
                why: "", position: 3),
        Article(title: "", body: "", why: nil, position: 4),
    ]

    /// Seeded pseudo-random articles (SplitMix64) over an alphabet of ASCII, accents, other
    /// scripts, emoji and every kind of whitespace: the same articles on every run.
    static func random(count: Int) -> [Article] {
        let alphabet: [String] = ["a", "B", "z", "Q", "0", "9", ".", ",", "\"", "\\", " ", "  ", "\t", "\n", "\r\n",
                                  "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2009}", "\u{200B}",
                                  "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{1C}", "\u{1F}",
                                  "É", "é", "ß", "İ", "ı", "Σ", "ς", "Ω", "Ж", "数", "据", "ﬁ", "ǅ", "Å", "e\u{301}",
                                  "👩‍💻", "🇨🇭", "\u{0}", "\u{7F}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func text(_ maxLength: Int) -> String {
            let length = Int(next() % UInt64(maxLength + 1))
            return (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
        }
        return (0..<count).map { index in
            Article(title: text(12), body: text(200), why: next() % 3 == 0 ? nil : text(40), position: index + 1)
        }
    }
}
