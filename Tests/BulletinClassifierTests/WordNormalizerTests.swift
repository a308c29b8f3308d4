import Testing
@testable import BulletinClassifier

struct WordNormalizerTests {
    @Test func lowerCasesAndSplitsOnNonAlphanumerics() {
        #expect(WordNormalizer.words(in: "Hello, World! e-Commerce_rules") == ["hello", "world", "e", "commerce", "rules"])
    }

    @Test func keepsDigits() {
        #expect(WordNormalizer.words(in: "6G, 5G and TOP500 in 2030") == ["6g", "5g", "and", "top500", "in", "2030"])
    }

    @Test func foldsDiacriticsPrecomposedAndDecomposed() {
        #expect(WordNormalizer.words(in: "Régulation ÉNERGIE naïve") == ["regulation", "energie", "naive"])
        #expect(WordNormalizer.words(in: "Re\u{301}gulation") == ["regulation"])
    }

    @Test func apostrophesAndQuotesSeparateWordsTheSameWay() {
        let expected = ["china", "s", "plan"]
        #expect(WordNormalizer.words(in: "China's plan") == expected)
        #expect(WordNormalizer.words(in: "China’s plan") == expected)
        #expect(WordNormalizer.words(in: "‘China’s’ “plan”") == expected)
    }

    @Test func nonLatinLettersAreWords() {
        #expect(WordNormalizer.words(in: "Данные и ИИ") == ["данные", "и", "ии"])
    }

    @Test func emptyAndPunctuationOnly() {
        #expect(WordNormalizer.words(in: "").isEmpty)
        #expect(WordNormalizer.words(in: " —… \u{00A0} ").isEmpty)
    }

    @Test func rulesAndTextNormaliseAlike() throws {
        #expect(try match(rule: "régulation", body: "REGULATION") != nil)
        #expect(try match(rule: "regulation", body: "Régulation") != nil)
        #expect(try match(rule: "\"China’s\"", body: "China's") != nil)
        #expect(try match(rule: "6G", body: "the 6g band") != nil)
        #expect(try match(rule: "6G", body: "the 6 G band") == nil)
    }

    /// Words as the normaliser defines them, one Unicode scalar at a time.
    static func referenceWords(in text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var folder = WordNormalizer.Folder()
        func end() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(scalar.value))
            case 0x41...0x5A: word.append(UInt8(scalar.value + 0x20))
            case 0..<0x80: end()
            default:
                switch folder.fold(scalar) {
                case .mark: continue
                case .separator: end()
                case .letters(let bytes): word += bytes
                }
            }
        }
        end()
        return words
    }

    /// Lower-case ASCII words are read in place, others are rebuilt: both ways, and the
    /// switches between them (case, accents, combining marks, 1- to 4-byte characters, words
    /// longer than the 64-byte starting buffer), give the scalar-by-scalar words.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func agreesWithScalarByScalarReading(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["data", "Centre", "x", "6", "é", "É", "e\u{301}", "\u{301}", " ", "-", "’", "ß", "İ",
                      "\u{00A0}", "日本", "𝔘", "Ω", String(repeating: "long", count: 20),
                      String(repeating: "É", count: 40), ",", "\n"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined()
            #expect(WordNormalizer.words(in: text) == Self.referenceWords(in: text), "text \(text.debugDescription)")
        }
    }
}
