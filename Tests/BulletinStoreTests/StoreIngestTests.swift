import Foundation
import CSQLite
import SQLite
import Testing
import BulletinClassifier
@testable import BulletinStore

@Suite struct StoreIngestTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func freshFileIsMigratedAndReopens() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("a.txt", receivedAt: t0, articles: [
            StoreFixture.article("Undersea cable reaches island", "A new cable landed."),
        ]))
        let reopened = try Store(path: fixture.path)
        let stats = try reopened.stats()
        #expect(stats.bulletins == 1)
        #expect(stats.articles == 1)
        let tables = try reopened.pool.read { db in
            try db.fetchValues(String.self, "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
        }
        for table in ["article", "article_fts", "article_topic", "bulletin", "bulletin_article", "topic"] {
            #expect(tables.contains(table))
        }
        let migrations = try reopened.pool.read { db in
            try db.fetchValues(String.self, "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == ["v1-bulletins-articles-topics", "v2-bulletin-filed", "v3-fts-usermerge", "v4-boilerplate",
                               "v5-fts-written-by-store", "v6-stories", "v7-fts-automerge"])
        // v7: the index merges a level once it holds 16 segments (SQLite's default is 4), all at
        // once only past 64.
        let merging = try reopened.pool.read { db in
            try db.fetchAll("SELECT k, v FROM article_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k")
                .map { "\($0["k"] as String)=\($0["v"] as Int64)" }
        }
        #expect(merging == ["automerge=16", "crisismerge=64"])
        let journal = try reopened.pool.read { db in try db.fetchValue(String.self, "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    /// What every connection is opened with: secure_delete FAST (2) whatever the library's
    /// default (Debian's is on), a 1 MiB page cache for readers and 3 MiB for the writer, and
    /// the writer's FULL synchronous mode (a commit is durable when it returns).
    @Test func connectionSettings() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let reader = try fixture.store.pool.read { db in
            [try db.fetchValue(Int.self, "PRAGMA secure_delete"), try db.fetchValue(Int.self, "PRAGMA cache_size")]
        }
        #expect(reader == [2, -1024])
        let writer = try fixture.store.pool.writeWithoutTransaction { db in
            [try db.fetchValue(Int.self, "PRAGMA secure_delete"), try db.fetchValue(Int.self, "PRAGMA cache_size"),
             try db.fetchValue(Int.self, "PRAGMA synchronous")]
        }
        #expect(writer == [2, -3072, 2])
    }

    /// SQLite's memory statistics are off in this process (`Connection.libraryConfigured`): after
    /// an ingest (the article is there: SQLite did allocate) the library's count of memory in use
    /// and its highest are still 0. With the statistics on, every allocation inside SQLite took
    /// one process-wide mutex.
    @Test func memoryStatisticsOff() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("m.txt", receivedAt: t0, articles: [
            StoreFixture.article("Satellite spectrum shared", "Operators agreed to share a band."),
        ]))
        let articles = try fixture.store.pool.read { db in
            try db.fetchValue(Int.self, "SELECT count(*) FROM article")
        }
        #expect(articles == 1)
        #expect(sqlite3_memory_used() == 0)
        var current: Int64 = 0, highest: Int64 = 0
        #expect(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0) == SQLITE_OK)
        #expect(current == 0 && highest == 0)
    }

    @Test func fileAndFolderPermissions() throws {
        let previous = umask(0o077)
        defer { umask(previous) }
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let fileMode = try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o640)
        let folder = (fixture.path as NSString).deletingLastPathComponent
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(folderMode == 0o750)
    }

    @Test func ingestCountsAndDuplicates() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let bulletin = StoreFixture.bulletin("digest-1.txt", receivedAt: t0, articles: [
            StoreFixture.article("Spectrum auction delayed", "Regulators postponed the sale.", topics: [("connectivity", 2)]),
            StoreFixture.article("Cookie banners rethought", "A watchdog proposes rules.", why: "Less clicking.",
                                 topics: [("privacy", 3), ("ai", 1)]),
            StoreFixture.article("Festival of kites", "Nothing to do with policy."),
        ])
        let first = try fixture.store.ingest(bulletin)
        guard case .ingested(let id, let articles, let newArticles) = first else {
            Issue.record("expected .ingested, got \(first)"); return
        }
        #expect(articles == 3)
        #expect(newArticles == 3)
        #expect(try fixture.store.bulletinID(contentHash: bulletin.contentHash) == id)
        #expect(try fixture.store.ingest(bulletin) == .duplicate(bulletinID: id))
        let stats = try fixture.store.stats()
        #expect(stats.bulletins == 1)
        #expect(stats.articles == 3)
        #expect(stats.duplicates == 1)
        #expect(stats.unclassified == 1)
        #expect(stats.topics == [
            TopicCount(id: "ai", name: "Artificial intelligence", articles: 1),
            TopicCount(id: "connectivity", name: "Connectivity", articles: 1),
            TopicCount(id: "privacy", name: "Privacy", articles: 1),
        ])
    }

    /// The daemon stores with `awaitingFiling` and marks the bulletin filed after the move; the
    /// same content before the mark (a restart after a crash) is not a duplicate.
    @Test func aBulletinAwaitingFilingIsNotCountedAsADuplicate() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        var bulletin = StoreFixture.bulletin("inbox.txt", receivedAt: t0, articles: [
            StoreFixture.article("Harbour sensors tested", "Ports try new sensors."),
        ])
        bulletin.awaitingFiling = true
        guard case .ingested(let id, _, _) = try fixture.store.ingest(bulletin) else {
            Issue.record("expected .ingested"); return
        }
        #expect(try fixture.store.ingest(bulletin) == .awaitingFiling(bulletinID: id))
        #expect(try fixture.store.stats().duplicates == 0)
        try fixture.store.markFiled(bulletinID: id)
        #expect(try fixture.store.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try fixture.store.stats().duplicates == 1)
        #expect(try fixture.store.stats().bulletins == 1)
    }

    @Test func sharedArticleIsStoredOnceAndLinkedTwice() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let shared = StoreFixture.article("Data embassy opens", "The first data embassy opened today.", topics: [("privacy", 2)])
        // Same article with different case and spacing, and a classification that must NOT replace the first.
        let sharedAgain = StoreFixture.article("DATA  embassy opens", "The first data\nembassy opened today.", topics: [("ai", 5)])
        _ = try fixture.store.ingest(StoreFixture.bulletin("one.txt", receivedAt: t0, articles: [shared]))
        let second = try fixture.store.ingest(StoreFixture.bulletin("two.txt", receivedAt: t0 + 3600, articles: [
            StoreFixture.article("Another story", "Different text."), sharedAgain,
        ]))
        guard case .ingested(_, 2, 1) = second else { Issue.record("unexpected \(second)"); return }
        let stats = try fixture.store.stats()
        #expect(stats.articles == 2)
        let hit = try #require(fixture.store.search(SearchQuery(text: "embassy")).first)
        #expect(hit.bulletins == ["one.txt", "two.txt"])
        #expect(hit.topics == ["privacy"])
    }

    @Test func unknownTopicRollsBackTheWholeBulletin() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let bulletin = StoreFixture.bulletin("bad.txt", receivedAt: t0, articles: [
            StoreFixture.article("First fine article", "Body one.", topics: [("privacy", 1)]),
            StoreFixture.article("Second fine article", "Body two."),
            StoreFixture.article("Third article", "Body three.", topics: [("no-such-topic", 1)]),
        ])
        #expect(throws: StoreError.unknownTopic("no-such-topic")) { try fixture.store.ingest(bulletin) }
        let counts = try fixture.store.pool.read { db in
            try ["bulletin", "article", "bulletin_article", "article_topic", "article_fts"].map {
                try db.fetchValue(Int.self, "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts == [0, 0, 0, 0, 0])
        #expect(try fixture.store.search(SearchQuery(text: "fine")).isEmpty)
        #expect(try fixture.store.bulletinID(contentHash: bulletin.contentHash) == nil)
    }

    @Test func batchIngestIsolatesABadBulletin() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let good1 = StoreFixture.bulletin("g1.txt", receivedAt: t0, articles: [StoreFixture.article("Good one", "Text one.")])
        let bad = StoreFixture.bulletin("bad.txt", receivedAt: t0, articles: [
            StoreFixture.article("Bad but first", "Fine."),
            StoreFixture.article("Bad second", "Unknown topic.", topics: [("ghost", 1)]),
        ])
        let good2 = StoreFixture.bulletin("g2.txt", receivedAt: t0, articles: [StoreFixture.article("Good two", "Text two.")])
        let results = try fixture.store.ingest(batch: [good1, bad, good2, good1])
        #expect(results.count == 4)
        guard case .success(.ingested(let id1, 1, 1)) = results[0] else { Issue.record("\(results[0])"); return }
        #expect(results[1] == .failure(.unknownTopic("ghost")))
        guard case .success(.ingested(_, 1, 1)) = results[2] else { Issue.record("\(results[2])"); return }
        #expect(results[3] == .success(.duplicate(bulletinID: id1)))
        let stats = try fixture.store.stats()
        #expect(stats.bulletins == 2)
        #expect(stats.articles == 2)
        #expect(stats.duplicates == 1)
        #expect(try fixture.store.bulletinID(contentHash: bad.contentHash) == nil)
    }

    /// What the pipeline reads before analysing: stored or not, and if stored whether filed.
    @Test func filedStatesTellStoredFromFiledAndUnknown() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        var waiting = StoreFixture.bulletin("waiting.txt", receivedAt: t0, articles: [StoreFixture.article("Waiting", "One.")])
        waiting.awaitingFiling = true
        let filed = StoreFixture.bulletin("filed.txt", receivedAt: t0, articles: [StoreFixture.article("Filed", "Two.")])
        let unknown = StoreFixture.bulletin("unknown.txt", receivedAt: t0, articles: [StoreFixture.article("Unknown", "Three.")])
        _ = try fixture.store.ingest(batch: [waiting, filed])
        let states = try fixture.store.filedStates(contentHashes: [waiting.contentHash, filed.contentHash, unknown.contentHash])
        #expect(states == [waiting.contentHash: false, filed.contentHash: true])

        guard let id = try fixture.store.bulletinID(contentHash: waiting.contentHash) else {
            Issue.record("the waiting bulletin was not stored"); return
        }
        try fixture.store.markFiled(bulletinIDs: [id])
        #expect(try fixture.store.filedStates(contentHashes: [waiting.contentHash]) == [waiting.contentHash: true])
    }

    /// A bulletin without articles is refused, so a caller that skipped analysing content it
    /// saw stored can never store an empty bulletin instead.
    @Test func aBulletinWithNoArticlesIsRefused() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let empty = StoreFixture.bulletin("empty.txt", receivedAt: t0, articles: [])
        #expect(throws: StoreError.self) { try fixture.store.ingest(empty) }
        #expect(try fixture.store.stats().bulletins == 0)
    }

    /// Idle-time merging of the full-text index: steps do work while separate commits have
    /// left segments to merge, then report nothing to do; search finds the same articles.
    @Test func tidyingTheIndexMergesUntilNothingIsLeftAndKeepsSearchResults() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        for n in 0..<12 {
            let bulletin = StoreFixture.bulletin("b\(n).txt", receivedAt: t0, articles: [
                StoreFixture.article("Harbour report \(n)", "Cranes, tides and lighthouse number \(n)."),
            ])
            _ = try fixture.store.ingest(bulletin)
        }
        let before = try fixture.store.search(SearchQuery(text: "lighthouse", limit: 50)).map(\.articleID).sorted()
        #expect(before.count == 12)
        var steps = 0
        var worked = 0
        while steps < 1_000, try fixture.store.tidyIndex(pages: 4) {
            worked += 1
            steps += 1
        }
        #expect(worked > 0, "twelve commits leave segments to merge")
        #expect(try fixture.store.tidyIndex() == false, "nothing is left once a step found nothing")
        let after = try fixture.store.search(SearchQuery(text: "lighthouse", limit: 50)).map(\.articleID).sorted()
        #expect(after == before)
    }

    @Test func syncTopicsKeepsReferencedTopics() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("a.txt", receivedAt: t0, articles: [
            StoreFixture.article("Privacy story", "Body.", topics: [("privacy", 1)]),
        ]))
        try fixture.store.syncTopics([Topic(id: "ai", name: "AI", rule: "", threshold: 1)])
        let topics = try fixture.store.stats().topics
        // "connectivity" had no link and is gone; "privacy" is still referenced and stays; "ai" renamed.
        #expect(topics.map(\.id) == ["privacy", "ai"])
        #expect(topics.last?.name == "AI")
    }
}
