import Testing
import BulletinReader
@testable import BulletinSplitter

@Suite struct RobustnessTests {
    let splitter: BulletinSplitter

    init() throws {
        splitter = try BulletinSplitter()
    }

    @Test func mastheadWithIntroductionIsNotAnArticle() {
        let text = """
            Digital Policy Weekly

            Welcome to this week's edition, in which we follow technology policy across the region and beyond.

            Lakeland requires audits of algorithms used in hiring decisions

            Employers in Lakeland that use automated tools to rank job applicants will have to commission an independent audit every year.

            Why does it matter?

            Hiring algorithms can reproduce past discrimination at scale.

            Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

            Westmark expands free public wifi to all railway stations

            The transport ministry of Westmark will provide free wireless internet access in every railway station by the end of the year.

            Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!
            """
        let articles = splitter.checkedSplit(FixtureLoader.normalisedDocument(text))
        #expect(articles.map(\.title) == [
            "Lakeland requires audits of algorithms used in hiring decisions",
            "Westmark expands free public wifi to all railway stations",
        ])
    }

    @Test func subHeadingAfterAColonLineStaysInTheBody() {
        let text = """
            Northland publishes rules for the use of drones over cities

            The aviation authority of Northland has published rules for drone flights over urban areas, covering deliveries, inspections and filming.

            The rules distinguish three categories of operations:

            Deliveries of parcels and medical supplies to registered landing points

            Operators need a licence and must share flight plans with the authority at least one hour before take-off, except in medical emergencies.
            """
        let articles = splitter.checkedSplit(FixtureLoader.normalisedDocument(text))
        #expect(articles.count == 1)
        #expect(articles.first?.body.contains("Deliveries of parcels") == true)
    }

    @Test func captionWithCreditBetweenParagraphsStaysInTheBody() {
        let text = """
            Eastvale hosts talks on a regional data centre corridor

            Energy and digital ministers from four countries met in Eastvale to discuss a corridor of data centres powered by shared renewable energy.

            Ministers and delegates at the opening session of the talks in the capital (Photo: Example Agency)

            The ministers agreed to commission a feasibility study on grid connections and water use, to be presented at their next meeting in spring.

            Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!
            """
        let articles = splitter.checkedSplit(FixtureLoader.normalisedDocument(text))
        #expect(articles.count == 1)
        #expect(articles.first?.body.components(separatedBy: "\n\n").count == 3)
    }

    /// A deterministic generator of hostile text: random mixes of structural and
    /// markup fragments. The splitter must not crash and must keep its invariants.
    @Test(arguments: [Markup.plain, .markdown])
    func randomTextKeepsInvariants(markup: Markup) {
        let fragments = [
            "\n", "\n\n", " ", "# ", "## ", "- ", "* ", "**", "[", "](", ")", "!", "?", ".", ":", "\u{00E9}", "\u{1F600}",
            "Why does it matter?", "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!",
            "Unsubscribe", "© 2026", "Source: x", "Lakeland adopts a new law on data", "The ministry said the rules will apply next year.",
            String(repeating: "long ", count: 60), "1. ", "| ", "\u{2022} ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<60 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += fragments[Int((state >> 33) % UInt64(fragments.count))]
            }
            let document = FixtureLoader.normalisedDocument(text, markup: markup)
            let articles = splitter.checkedSplit(document)
            #expect(articles.map(\.position) == Array(0..<articles.count).map { $0 + 1 })
            #expect(articles.allSatisfy { !$0.title.isEmpty && !$0.body.isEmpty && $0.why != "" })
        }
    }
}
