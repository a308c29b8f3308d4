import Testing
import BulletinReader
@testable import BulletinSplitter

@Suite struct PatternTests {
    static let trailerVariants = [
        "Would you like to learn more about AI, tech, and digital diplomacy? If so, ask our Diplo chatbot!",
        "Would you like to learn more about AI, tech and digital diplomacyIf so, ask our Diplo chatbot!",
        "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot",
        "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our chatbot!",
        "would you like to learn more about AI, tech and digital diplomacy?  If so,  ask our Diplo chatbot!",
        "Would you like to learn more about internet governance? If so, ask our Diplo chatbot.",
    ]

    static let prose = [
        "Would you like to learn more about AI governance? Read our weekly report.",
        "The ministry asked whether citizens would like to learn more about AI, tech and digital diplomacy.",
        "Users can ask our chatbot questions about the new rules in twelve languages.",
        "Why the ministry changed its mind remains unclear.",
        "Why does it matter to small businesses that the rules change?",
        "EU law makes it easier for consumers to unsubscribe from paid services.",
        "Meta updates its privacy policy for users in the region",
        "Copyright rules for AI training data remain contested",
    ]

    @Test(arguments: trailerVariants)
    func defaultTrailerPatternMatchesVariant(_ line: String) throws {
        let trailers = try LinePatternSet(SplitterConfig.default.trailerPatterns)
        #expect(trailers.matches(line))
    }

    @Test(arguments: prose)
    func defaultPatternsDoNotMatchProse(_ line: String) throws {
        let config = SplitterConfig.default
        #expect(try !LinePatternSet(config.trailerPatterns).matches(line))
        #expect(try !LinePatternSet(config.whyHeadingPatterns).matches(line))
        #expect(try !LinePatternSet(config.footerPatterns).matches(line))
    }

    @Test(arguments: ["Why does it matter?", "Why does it matter", "why does this matter:", "Why it matters", "WHY IT MATTERS:"])
    func defaultWhyPatternMatchesHeading(_ line: String) throws {
        #expect(try LinePatternSet(SplitterConfig.default.whyHeadingPatterns).matches(line))
    }

    @Test(arguments: [
        "Unsubscribe", "Unsubscribe | Update your preferences", "View in browser", "View this email in your browser",
        "You are receiving this email because you signed up on our website.", "© 2026 Example Media",
        "Copyright 2026 Example Media", "Example Media. All rights reserved.", "Forward to a friend",
        "Manage your email preferences", "Privacy policy", "Terms | Privacy policy | Contact",
    ])
    func defaultFooterPatternMatchesFooterLine(_ line: String) throws {
        #expect(try LinePatternSet(SplitterConfig.default.footerPatterns).matches(line))
    }

    @Test(arguments: ["Source: Ministry of Digital Affairs", "Photo: The minister in parliament", "Image credit: Example Agency", "(Photo by a staff photographer)",
                        "Delegates at the opening session of the summit in Port Aurelia (Photo: Example Agency)"])
    func defaultCaptionPatternMatchesCaption(_ line: String) throws {
        #expect(try LinePatternSet(SplitterConfig.default.captionPatterns).matches(line))
    }

    @Test func everyTrailerLineOfTheSampleMatches() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let trailers = try LinePatternSet(SplitterConfig.default.trailerPatterns)
        let lines = document.text.split(separator: "\n").filter { $0.contains("chatbot") }
        #expect(lines.count == 10)
        for line in lines {
            #expect(trailers.matches(String(line)), "\(line)")
        }
    }

    @Test func invalidPatternThrowsNamingThePattern() {
        let config = SplitterConfig(trailerPatterns: ["ok", "broken (group"], whyHeadingPatterns: [])
        #expect {
            _ = try BulletinSplitter(config: config)
        } throws: { error in
            (error as? SplitterConfigError)?.pattern == "broken (group"
        }
        let badFooter = SplitterConfig(trailerPatterns: [], whyHeadingPatterns: [], footerPatterns: ["[unclosed"])
        #expect(throws: SplitterConfigError.self) { _ = try BulletinSplitter(config: badFooter) }
    }

    @Test func unbalancedPatternIsRejectedRatherThanReinterpreted() {
        #expect(throws: SplitterConfigError.self) { _ = try LinePatternSet(["a)|(b"]) }
    }

    @Test func patternsWithBackReferencesStillMatchWhenCombined() throws {
        let set = try LinePatternSet([#"(\w+) and \1"#, "plain"])
        #expect(set.matches("more and more"))
        #expect(!set.matches("more and less"))
        #expect(set.matches("PLAIN"))
    }

    @Test func customTrailerPatternIsUsed() throws {
        let config = SplitterConfig(trailerPatterns: [#"read more at example\.org\.?"#], whyHeadingPatterns: SplitterConfig.defaultWhyHeadingPatterns)
        let text = """
            Eastvale trains judges in the use of electronic evidence

            The judicial academy of Eastvale has started a programme training judges to assess electronic evidence.

            Read more at example.org

            Lakeland opens a public registry of data brokers

            Data brokers operating in Lakeland must register with the data protection authority from next year.

            Read more at example.org.
            """
        let articles = try BulletinSplitter(config: config).checkedSplit(Document(format: .text, encoding: "utf-8", markup: .plain, text: text))
        #expect(articles.map(\.title) == [
            "Eastvale trains judges in the use of electronic evidence",
            "Lakeland opens a public registry of data brokers",
        ])
        #expect(articles.allSatisfy { !$0.body.contains("example.org") })
    }
}
