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
}
