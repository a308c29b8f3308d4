import Foundation
import Testing
import SQLite
import BulletinClassifier
@testable import BulletinStore

/// A database written by bulletind while its store used GRDB (Fixtures/grdb-era.sql, made by
/// that binary) opens with today's store, reads the same (dates, booleans, blobs, JSON, the
/// full-text index) and takes new bulletins.
@Suite struct GRDBEraDatabaseTests {
    /// 2026-12-02 00:00 UTC, the day the fixture's bulletins were received.
    let day = Date(timeIntervalSince1970: 1_796_169_600)

    @Test func aDatabaseWrittenThroughGRDBOpensReadsAndTakesNewBulletins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grdb-era-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        let url = try #require(Bundle.module.url(forResource: "grdb-era", withExtension: "sql", subdirectory: "Fixtures"))
        do {
            let connection = try Connection(path: path)
            try connection.execute(try String(contentsOf: url, encoding: .utf8))
            #expect(try connection.fetchValues(String.self, "SELECT identifier FROM grdb_migrations").count == 6)
        }

        let store = try Store(path: path)
        let stats = try store.stats()
        #expect(stats.bulletins == 2)
        #expect(stats.articles == 3)
        #expect(try store.fullTextIntegrityCheck() == nil)
        // Dates as GRDB wrote them ("2026-12-02 09:10:39.429", UTC).
        let hits = try store.search(SearchQuery(text: "seawater"))
        #expect(hits.map(\.title) == ["Southport opens a data centre cooled by seawater"])
        let received = try #require(hits.first?.receivedAt)
        #expect(abs(received.timeIntervalSince1970 - (day.timeIntervalSince1970 + 9 * 3600 + 10 * 60 + 39.429)) < 0.0005)
        let (bulletins, articles) = try store.wholeDay(from: day, to: day.addingTimeInterval(86_400))
        #expect(bulletins == 2)
        #expect(articles.map(\.articleID) == [1, 2, 3])
        #expect(articles[1].sources == ["own-a.txt", "own-b.txt"])
        #expect(try store.wholeDay(from: day.addingTimeInterval(86_400), to: day.addingTimeInterval(2 * 86_400)).articles.isEmpty)
        // JSON written by GRDB's store, booleans, story words (blobs).
        let explanation = try #require(try store.explain(articleID: 3))
        #expect(explanation.topics.map(\.id) == ["data-centres-energy"])
        #expect(explanation.topics.first?.matchedTerms.contains("\"data centre*\"") == true)
        #expect(try store.unfiledBulletins().isEmpty)
        #expect(try store.exportStories(afterID: 0, limit: 10).map(\.members.count) == [1, 1, 1])

        // New writes beside the old rows: the index stays exact, stories and links work.
        try store.syncTopics([Topic(id: "telecoms", name: "Telecoms", rule: "", threshold: 1)])
        let outcome = try store.ingest(StoreFixture.bulletin("new.txt", receivedAt: day.addingTimeInterval(3_600 * 12), articles: [
            StoreFixture.article("Northland extends its 6G pilot", "The 6G pilot reaches two more valleys.",
                                 topics: [("telecoms", 4)]),
        ]))
        #expect(outcome == .ingested(bulletinID: 3, articles: 1, newArticles: 1))
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try store.search(SearchQuery(text: "6G")).count == 2)
        #expect(try store.wholeDay(from: day, to: day.addingTimeInterval(86_400)).articles.count == 4)
        #expect(try store.dayStories(from: day, to: day.addingTimeInterval(86_400)).count >= 3)
    }
}
