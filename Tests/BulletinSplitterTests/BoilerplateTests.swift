import Testing
import BulletinReader
@testable import BulletinSplitter

/// Repeated boilerplate (`BoilerplateReview`): with the fingerprints of lines seen in the
/// sender's earlier bulletins, a recurring house or back-matter section is skipped, and
/// nothing inside an article changes.
@Suite struct BoilerplateTests {
    static let text = """
        Harbour Tech Weekly · Issue 118 · 7 December 2026

        Coastal states sign a pact to protect subsea cables

        Seven coastal states signed a pact that pools repair ships and shares outage reports for the subsea cables off their shores.

        Thanks for reading, and see you next week.

        Why does it matter?

        Most intercontinental data travels through subsea cables, and a repair can take weeks without shared ships.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

        Letters from our readers

        Three readers wrote in this week to ask how they can follow the cable negotiations, and one sent a photograph of a repair ship.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

        Northland opens a public register of the algorithms its agencies use

        The government of Northland opened a register that lists every algorithm its agencies use to decide on benefits, permits and inspections.

        Why does it matter?

        A public register lets citizens and journalists question automated decisions before they cause harm.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

        About Harbour Tech Weekly

        Harbour Tech Weekly is written by a small team of volunteers and reaches four thousand readers every Monday morning.
        """

    /// Lines of earlier issues: another issue number and date, the house section's title,
    /// the back matter's title, and lines that also occur inside articles (a body sentence,
    /// the why heading, the trailer), which must keep their roles.
    static let earlierLines = [
        "Harbour Tech Weekly · Issue 117 · 30 November 2026",
        "Letters from our readers",
        "About Harbour Tech Weekly",
        "Thanks for reading, and see you next week.",
        "Why does it matter?",
        "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!",
    ]

    @Test func theFingerprintIgnoresCaseSpacingNumbersAndDates() {
        #expect(BoilerplateFingerprint.of("Harbour Tech Weekly · Issue 118 · 7 December 2026")
                == BoilerplateFingerprint.of("HARBOUR  tech weekly – issue 119, 14 January 2027"))
        #expect(BoilerplateFingerprint.of("Letters from our readers") != BoilerplateFingerprint.of("Letters from our editors"))
        #expect(BoilerplateFingerprint.of("12 · 3") == nil)
    }

    @Test func knownBoilerplateSectionsAreSkippedAndArticlesKeepEveryLine() throws {
        let splitter = try BulletinSplitter()
        let document = FixtureLoader.normalisedDocument(Self.text)
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ prefix: String) throws -> Int { try #require(lines.firstIndex { $0.hasPrefix(prefix) }) }

        // Without the sender's history, the house section and the back matter are articles.
        let plain = splitter.analyse(document, boilerplate: [])
        #expect(plain.articles.map(\.title) == [
            "Coastal states sign a pact to protect subsea cables", "Letters from our readers",
            "Northland opens a public register of the algorithms its agencies use", "About Harbour Tech Weekly",
        ])
        #expect(Conservation.violations(of: plain, in: document).isEmpty)
        // What the store would remember: the titles and the skipped paragraphs (masthead).
        let remembered = Set(plain.fingerprints)
        #expect(remembered.contains(try #require(BoilerplateFingerprint.of("Letters from our readers"))))
        #expect(remembered.contains(try #require(BoilerplateFingerprint.of(lines[0]))))
        #expect(!remembered.contains(try #require(BoilerplateFingerprint.of("Why does it matter?"))))

        let known = Set(Self.earlierLines.compactMap(BoilerplateFingerprint.of))
        let result = splitter.analyse(document, boilerplate: known)
        #expect(Conservation.violations(of: result, in: document).isEmpty)
        #expect(result.articles.map(\.title) == [
            "Coastal states sign a pact to protect subsea cables",
            "Northland opens a public register of the algorithms its agencies use",
        ])
        #expect(result.articles.map(\.position) == [1, 2])
        #expect(result.lines[try line("Letters from")].role == .skipped(.house))
        #expect(result.lines[try line("Letters from")].reason == .knownBoilerplate)
        #expect(result.lines[try line("Three readers")].role == .skipped(.house))
        #expect(result.lines[try line("About Harbour")].role == .skipped(.footer))
        #expect(result.lines[try line("Harbour Tech Weekly is")].role == .skipped(.footer))
        #expect(result.lines[0].role == .skipped(.masthead))
        // A repeated sentence inside an article body, the why headings and the trailers keep their roles.
        #expect(result.lines[try line("Thanks for reading")].role == .body(article: 1))
        #expect(result.articles[0].body.hasSuffix("Thanks for reading, and see you next week."))
        #expect(result.articles[0].why == plain.articles[0].why)
        #expect(result.articles[1].why == plain.articles[2].why)
        let roles = lines.indices.filter { lines[$0] == "Why does it matter?" }.map { result.lines[$0].role }
        #expect(roles == [.whyHeading(article: 1), .whyHeading(article: 2)])
        let trailers = lines.indices.filter { lines[$0].hasPrefix("Would you like") }.map { result.lines[$0].role }
        #expect(trailers == [.skipped(.trailer), .skipped(.trailer), .skipped(.trailer)])
        // Every other line is where it was without the history.
        let changed = Set(try ["Letters from", "Three readers", "About Harbour", "Harbour Tech Weekly is"].map(line))
        for index in lines.indices where !changed.contains(index) {
            #expect(result.lines[index].role.name == plain.lines[index].role.name, "line \(index + 1)")
        }
    }

    @Test func aSectionWithAWhySectionIsAnArticleEvenWhenItsTitleRecurs() throws {
        let splitter = try BulletinSplitter()
        let document = FixtureLoader.normalisedDocument(Self.text)
        let known = Set(["Coastal states sign a pact to protect subsea cables"].compactMap(BoilerplateFingerprint.of))
        #expect(splitter.analyse(document, boilerplate: known).articles.count == 4)
    }

    @Test func theSenderIsTheAddressThenTheListThenTheLayout() throws {
        let splitter = try BulletinSplitter()
        #expect(splitter.boilerplateSender(for: LayoutKey(from: "Harbour Tech <News@Harbour.example>", listID: "x"))
                == "from:news@harbour.example")
        #expect(splitter.boilerplateSender(for: LayoutKey(listID: "<weekly.harbour.example>")) == "list:<weekly.harbour.example>")
        #expect(splitter.boilerplateSender(for: LayoutKey(fileName: "diplo-2026-11.txt")) == "layout:digital-watch")
        #expect(splitter.boilerplateSender(for: LayoutKey(subject: "Weekly", fileName: "weekly.txt")) == nil)
    }
}
