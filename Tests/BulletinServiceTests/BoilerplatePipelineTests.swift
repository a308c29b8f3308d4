import Foundation
import Testing
import BulletinSplitter
import BulletinStore
@testable import BulletinService

/// Repeated boilerplate through the whole pipeline and a real SQLite file: a house section
/// that recurs in a sender's bulletins is an article in the first two and skipped from the
/// third on; another sender's bulletins are unaffected.
@Suite struct BoilerplatePipelineTests {
    /// An invented e-mail bulletin: one news article, then a house section whose title
    /// recurs and whose text changes with every issue.
    static func bulletin(from sender: String, issue: Int, story: String) -> String {
        """
        From: Harbour Tech Weekly <\(sender)>
        Subject: Harbour Tech Weekly, issue \(issue)
        Content-Type: text/plain; charset=utf-8

        Harbour Tech Weekly · Issue \(issue)

        \(story)

        The regulator of the harbour district published its decision on \(story.lowercased()) after a consultation that lasted \(issue) weeks.

        Why does it matter?

        Decisions of this kind set the terms for every operator in the district for years.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

        Letters from our readers

        Reader number \(issue) wrote in this week to ask how the district will follow up on the decisions of issue \(issue - 1), and we will answer next time.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!
        """
    }

    static let stories = [
        "Harbour district approves a shared fibre duct for all operators",
        "Harbour district sets new rules for drones over the container terminal",
        "Harbour district opens its port logistics data to researchers",
        "Harbour district tenders a private 5G network for crane operators",
    ]

    @Test func aRecurringHouseSectionStopsBeingAnArticleForItsSenderOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-boilerplate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = Configuration.repositoryDefaults
        configuration.paths = configuration.paths.resolved(against: PipelineTests.repositoryRoot.path)
        configuration.database = folder.appendingPathComponent("db.sqlite").path
        func ingest(_ pipeline: Pipeline, _ text: String, _ name: String) throws -> (articles: Int, new: Int) {
            let outcome = try pipeline.process(data: Data(text.utf8), fileName: name, receivedAt: Date())
            guard case .stored(_, let articles, let new, _) = outcome else {
                Issue.record("expected \(name) stored, got \(outcome)")
                return (0, 0)
            }
            return (articles, new)
        }

        var pipeline = try Pipeline(configuration: configuration, store: Store(path: configuration.database))
        let sender = "news@harbour.example"
        // The first two: the house section is an article (nothing known yet of the sender).
        #expect(try ingest(pipeline, Self.bulletin(from: sender, issue: 117, story: Self.stories[0]), "117.eml") == (2, 2))
        #expect(try ingest(pipeline, Self.bulletin(from: sender, issue: 118, story: Self.stories[1]), "118.eml") == (2, 2))
        let letters = try #require(BoilerplateFingerprint.of("Letters from our readers"))
        #expect(try pipeline.store.knownBoilerplate(sender: "from:" + sender).contains(letters))

        // The third, with the database opened again: only the news article.
        pipeline = try Pipeline(configuration: configuration, store: Store(path: configuration.database))
        #expect(try ingest(pipeline, Self.bulletin(from: sender, issue: 119, story: Self.stories[2]), "119.eml") == (1, 1))
        var titles: [String] = []
        try pipeline.store.day(from: Date(timeIntervalSinceNow: -86_400), to: Date(timeIntervalSinceNow: 86_400)) {
            titles.append($0.title)
        }
        #expect(titles.filter { $0 == "Letters from our readers" }.count == 2)
        #expect(titles.contains(Self.stories[2]))

        // Another sender with the same section: its own history, so still an article.
        #expect(try ingest(pipeline, Self.bulletin(from: "desk@other.example", issue: 119, story: Self.stories[3]), "other.eml") == (2, 2))
        #expect(try pipeline.store.knownBoilerplate(sender: "from:desk@other.example").isEmpty)
    }
}
