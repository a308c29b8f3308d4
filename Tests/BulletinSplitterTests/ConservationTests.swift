import Testing
import BulletinReader
@testable import BulletinSplitter

/// The conservation check itself: it holds on a real split, and it fails when a line is
/// lost, doubled, or mapped to a place that does not hold its text.
@Suite struct ConservationTests {
    static let text = """
        Digital Policy Weekly

        Northland audits the accessibility of government websites

        The digital agency of Northland has audited three hundred government websites and found that most fail basic checks.

        Why does it matter?

        Accessible websites are a legal duty in most countries.

        For more information on these topics, visit diplomacy.edu.

        Unsubscribe | Privacy policy
        """

    let document = FixtureLoader.normalisedDocument(ConservationTests.text)

    func split() throws -> SplitResult {
        try BulletinSplitter().analyse(document)
    }

    @Test func holdsAndMapsEveryLine() throws {
        let result = try split()
        #expect(Conservation.violations(of: result, in: document).isEmpty)
        #expect(result.lines.map(\.role.name) == [
            "masthead", "blank", "title", "blank", "body", "blank", "why-heading", "blank", "why", "blank",
            "trailer", "blank", "footer",
        ])
    }

    @Test func aLostLineIsReported() throws {
        var result = try split()
        result.lines[4] = LineFate(role: .blank, reason: .blank)
        let problems = Conservation.violations(of: result, in: document)
        #expect(problems.contains { $0.hasPrefix("line 5 is not blank but mapped as blank") })
        #expect(problems.contains { $0.hasPrefix("article 1 body is not the text of its body lines") })
    }

    @Test func textTwiceIsReported() throws {
        var result = try split()
        result.articles[0].body += "\n\n" + result.articles[0].body
        #expect(Conservation.violations(of: result, in: document) == [
            "article 1 body is not the text of its body lines (lost or doubled text)",
        ])
    }

    @Test func aLineGivenToTheWrongPlaceIsReported() throws {
        var result = try split()
        result.lines[0] = LineFate(role: .body(article: 1), reason: .bodyText)
        #expect(!Conservation.violations(of: result, in: document).isEmpty)
        result.lines[0] = LineFate(role: .title(article: 2), reason: .bodyText)
        #expect(Conservation.violations(of: result, in: document).contains("line 1 is mapped to article 2, which does not exist"))
    }

    @Test func aMissingLineMapIsReported() throws {
        var result = try split()
        result.lines.removeLast()
        #expect(Conservation.violations(of: result, in: document) == ["line map has 12 entries for 13 lines"])
    }
}
