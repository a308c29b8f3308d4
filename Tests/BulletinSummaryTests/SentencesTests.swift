import Testing
@testable import BulletinSummary

@Suite struct SentencesTests {
    @Test func plainSentences() {
        #expect(Sentences.first(of: "The agency met today. It decided nothing.") == "The agency met today.")
        #expect(Sentences.first(of: "Is this the end? Maybe not.") == "Is this the end?")
        #expect(Sentences.first(of: "No period at all") == "No period at all")
        #expect(Sentences.first(of: "") == "")
        #expect(Sentences.first(of: "  First line\ncontinues here. Second.") == "First line continues here.")
    }

    @Test func onlyTheFirstParagraph() {
        #expect(Sentences.first(of: "A short paragraph without end\n\nNext paragraph. More.") == "A short paragraph without end")
    }

    @Test func abbreviationsDecimalsEllipsesQuotes() {
        #expect(Sentences.first(of: "Rules differ, e.g. in Spain. Second.") == "Rules differ, e.g. in Spain.")
        #expect(Sentences.first(of: "The U.S. Senate voted. Then it left.") == "The U.S. Senate voted.")
        #expect(Sentences.first(of: "Dr. Okafor and Mr. Lind spoke. Later more.") == "Dr. Okafor and Mr. Lind spoke.")
        #expect(Sentences.first(of: "Resolution No. 7 passed. Next.") == "Resolution No. 7 passed.")
        #expect(Sentences.first(of: "Growth was 1.15 per cent. Next.") == "Growth was 1.15 per cent.")
        #expect(Sentences.first(of: "They waited... Then they voted. End.") == "They waited... Then they voted.")
        #expect(Sentences.first(of: "They waited\u{2026} Then they voted. End.") == "They waited\u{2026} Then they voted.")
        #expect(Sentences.first(of: "She said \u{201C}enough.\u{201D} The room fell silent.") == "She said \u{201C}enough.\u{201D}")
        #expect(Sentences.first(of: "Talks (in Geneva, i.e. neutral ground) ended. Next.") == "Talks (in Geneva, i.e. neutral ground) ended.")
        #expect(Sentences.first(of: "Author J. Rivera wrote it. Next.") == "Author J. Rivera wrote it.")
    }

    @Test func capsLongSentences() {
        let long = Array(repeating: "word", count: 200).joined(separator: " ") + "."
        let first = Sentences.first(of: long)
        #expect(first.hasSuffix("…"))
        #expect(first.count <= 301)
        #expect(first.dropLast().hasSuffix("word"))
        let huge = String(repeating: "x", count: 10_000_000)
        #expect(Sentences.first(of: huge).count == 300)
    }

    /// Whenever a prefix decides the first sentence, it is the whole text's first sentence;
    /// the sufficient prefix length decides ordinary prose.
    @Test func aDecidingPrefixGivesTheSameSentence() {
        let long = Array(repeating: "word", count: 200).joined(separator: " ") + ". Next."
        let texts = [
            "The agency met today. It decided nothing.",
            "A short paragraph without end\n\nNext paragraph. More.",
            "Spaced     out      words.  And   more",
            long,
            "Start" + String(repeating: " ", count: 3_000) + "of a sentence. Next.",
            "Line one\n   \n  after a blank line. End.",
        ]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for length in 0...scalars.count {
                let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
                if Sentences.isDecided(byPrefix: prefix) {
                    #expect(Sentences.first(of: prefix) == Sentences.first(of: text), "prefix of \(length)")
                }
            }
        }
        #expect(Sentences.isDecided(byPrefix: "") == false)
        #expect(Sentences.isDecided(byPrefix: String(long.prefix(Sentences.sufficientPrefixLength))))
        #expect(Sentences.isDecided(byPrefix: "No end yet") == false)
        #expect(Sentences.isDecided(byPrefix: "Ends here.\n\nNext"))
        let spaced = "Start" + String(repeating: " ", count: 3_000) + "of a sentence. Next."
        #expect(Sentences.isDecided(byPrefix: String(spaced.prefix(Sentences.sufficientPrefixLength))) == false)
    }
}
