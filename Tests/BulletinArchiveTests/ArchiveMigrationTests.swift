import Foundation
import Testing
import BulletinModel
import BulletinStore
import BulletinPostgres
import BulletinService
import BulletinPostgresBackend

/// `bulletind migrate --to postgresql://…`: a real SQLite archive copied into a real
/// PostgreSQL database, again (nothing copied twice), and after an interruption.
@Suite struct ArchiveMigrationTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Digest n's own article: each on an event of its own (a story of its own), but digest 6
    /// tells digest 1's event again (one story across the interrupted copy).
    func own(_ n: Int) -> ClassifiedArticle {
        let events = [
            "Harbour cranes in Rotterdam were repainted blue during a quiet weekend shift.",
            "Violin makers from Cremona gathered to compare spruce drying methods and varnish.",
            "A glacier survey in Patagonia measured meltwater flows using floating buoys.",
            "Bakery prices in Lyon climbed after flour mills raised wholesale rates sharply.",
            "The tram tunnel under Porto reopened with brighter lighting and wider platforms.",
            "Orchid exports from Ecuador doubled as growers found buyers across Japanese markets.",
            "Violin makers met in Cremona to compare how they dry spruce and mix their varnish.",
        ]
        return Fixture.article("Own story \(n)", "Only in digest \(n). \(events[n])", position: 2,
                               topics: n % 2 == 0 ? [("ai", 1)] : [])
    }

    @Test func copiesEverythingOnceAndResumes() throws {
        let (sqliteArchive, _) = try ArchiveBackend.sqlite.make()
        let sqlite = try #require(sqliteArchive as? Store)
        let shared = Fixture.article("Shared story", "In two digests.", why: "Both care.", topics: [("privacy", 2)])
        for n in 0..<7 {
            var bulletin = Fixture.bulletin("d\(n).txt", receivedAt: t0 + Double(n * 60), articles: [
                shared, own(n),
            ], awaitingFiling: n == 6)
            bulletin.boilerplateSender = "news@example.org"
            bulletin.boilerplateFingerprints = [1, 2, Int64(10 + n)]
            _ = try sqlite.ingest(bulletin)
        }
        _ = try sqlite.ingest(Fixture.bulletin("d0.txt", receivedAt: t0, articles: [
            shared, own(0),
        ]))  // a duplicate of d0
        let before = try sqlite.stats()
        #expect(before.bulletins == 7 && before.articles == 8 && before.duplicates == 1)

        let (postgresArchive, database) = try ArchiveBackend.postgres.make(syncTopics: false)
        let postgres = try #require(postgresArchive as? PostgresArchive)
        // An earlier run interrupted after its first chunk of 3, and one that copied the first
        // story while only some of its articles were there.
        try postgres.importTopics(sqlite.exportTopics())
        _ = try postgres.importBulletins(sqlite.exportBulletins(afterID: 0, limit: 3))
        _ = try postgres.importStories(sqlite.exportStories(afterID: 0, limit: 3))
        var migration = ArchiveMigration(source: sqlite, target: postgres)
        migration.chunk = 2
        let report = try migration.run()
        #expect(report.bulletins == 7 && report.copied == 4 && report.articles == 8 && report.links == 14 && report.duplicates == 1)
        #expect(try postgres.stats() == before)
        // The stories: every article in the same story as in SQLite, one story for one.
        let sqliteStories = try ArchiveConformanceTests.storyPartition(sqlite)
        #expect(sqliteStories.count == 8)
        #expect(try ArchiveConformanceTests.storyPartition(postgres) == sqliteStories)
        let storyCount = Set(sqliteStories.values).count
        #expect(sqliteStories["Own story 1"] == ["Own story 1", "Own story 6"], "a story copied in two runs")
        #expect(report.stories == storyCount && report.storyArticles == 8 && storyCount == 7, "\(report) \(sqliteStories)")
        let again = try ArchiveMigration(source: sqlite, target: postgres).run()
        #expect(again.copied == 0 && again.storiesCopied == 0 && again.stories == storyCount)
        #expect(try ArchiveConformanceTests.storyPartition(postgres) == sqliteStories)
        // Each story's article count and first arrival too (the first story was completed on resume).
        for title in sqliteStories.keys {
            let story = { (archive: any BulletinArchive) in
                try archive.search(SearchQuery(text: "\"\(title)\"")).first { $0.title == title }?.story
            }
            let (expected, found) = (try #require(try story(sqlite)), try #require(try story(postgres)))
            #expect(found.articles == expected.articles && found.firstSeen == expected.firstSeen, "\(title)")
        }
        #expect(try postgres.stats() == before)

        // The same answers from the copy.
        for query in ["shared", "own", "digest 3", "privacy OR story"] {
            #expect(try sqlite.titles(query) == postgres.titles(query), "\(query)")
        }
        let hit = try #require(try postgres.search(SearchQuery(text: "shared")).first)
        #expect(hit.bulletins == ["d0.txt", "d1.txt", "d2.txt", "d3.txt", "d4.txt", "d5.txt", "d6.txt"])
        #expect(try postgres.explain(articleID: hit.articleID)?.topics.map(\.id) == ["privacy"])
        #expect(try postgres.knownBoilerplate(sender: "news@example.org") == sqlite.knownBoilerplate(sender: "news@example.org"))
        // The one bulletin awaiting filing is still unfiled, filed states are kept.
        let unfiled = try sqlite.unfiledBulletins().map(\.contentHash)
        #expect(unfiled.count == 1)
        let reopened = try PostgresArchive(address: PostgresAddress(database), instance: postgres.instance)
        #expect(try reopened.filedStates(contentHashes: unfiled) == [unfiled[0]: false])
    }
}
