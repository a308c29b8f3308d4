import Foundation
import SQLite
import Testing
import BulletinClassifier
@testable import BulletinStore

/// The full-text index is written by the store (no triggers): after every kind of write, the
/// index and the `article` table agree (FTS5 'integrity-check' against the content table),
/// and search sees exactly the stored text.
@Suite struct FullTextIndexTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func titles(_ store: Store, _ query: String) throws -> [String] {
        try store.search(SearchQuery(text: query)).map(\.title).sorted()
    }

    /// The check itself can fail: an article row written behind the store's back (no index
    /// entry) and an index entry for text no longer stored are both reported.
    @Test func theCheckSeesADisagreement() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("a.txt", receivedAt: t0, articles: [
            StoreFixture.article("Lighthouse keepers", "Automation reaches the coast."),
        ]))
        #expect(try fixture.store.fullTextIntegrityCheck() == nil)
        try fixture.store.pool.write { db in
            try db.execute("""
                INSERT INTO article (text_hash, title, body, why, first_received_at)
                VALUES ('x', 'Unindexed row', 'never indexed', NULL, ?)
                """, [t0])
        }
        #expect(try fixture.store.fullTextIntegrityCheck() != nil)
        try fixture.store.pool.write { db in
            try db.execute("DELETE FROM article WHERE text_hash = 'x'")
        }
        #expect(try fixture.store.fullTextIntegrityCheck() == nil)
        try fixture.store.pool.write { db in
            try db.execute("UPDATE article SET body = 'changed behind the index'")
        }
        #expect(try fixture.store.fullTextIntegrityCheck() != nil)
    }

    @Test func ingestDuplicatesBatchesAndRollbacksKeepTheIndexExact() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let store = fixture.store
        let shared = StoreFixture.article("Submarine cable repaired", "Ships fixed the cable.", topics: [("connectivity", 2)])
        _ = try store.ingest(StoreFixture.bulletin("one.txt", receivedAt: t0 + 60, articles: [
            shared, StoreFixture.article("Kite festival", "Nothing about policy.", why: "Colourful skies."),
        ]))
        #expect(try store.fullTextIntegrityCheck() == nil)
        // The shared article arrives again, earlier: its first-received time changes, its text does not.
        _ = try store.ingest(StoreFixture.bulletin("two.txt", receivedAt: t0, articles: [shared]))
        #expect(try store.fullTextIntegrityCheck() == nil)
        let bad = StoreFixture.bulletin("bad.txt", receivedAt: t0, articles: [
            StoreFixture.article("Orbital debris treaty", "Nations sign."),
            StoreFixture.article("Ghost topic", "Refused.", topics: [("ghost", 1)]),
        ])
        let batch = [
            StoreFixture.bulletin("b1.txt", receivedAt: t0, articles: [StoreFixture.article("Quantum keys", "Banks test them.")]),
            bad,
            StoreFixture.bulletin("b2.txt", receivedAt: t0, articles: [StoreFixture.article("Drone rules", "Airspace opens.")]),
        ]
        let results = try store.ingest(batch: batch)
        #expect(results.filter { if case .failure = $0 { true } else { false } }.count == 1)
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "cable") == ["Submarine cable repaired"])
        #expect(try titles(store, "skies") == ["Kite festival"])
        #expect(try titles(store, "keys OR airspace") == ["Drone rules", "Quantum keys"])
        #expect(try titles(store, "treaty").isEmpty)
        let indexed = try store.pool.read { db in try db.fetchValue(Int.self, "SELECT COUNT(*) FROM article_fts_docsize") }
        #expect(indexed == 4)
    }

    @Test func editAndDeleteUpdateTheIndex() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let store = fixture.store
        _ = try store.ingest(StoreFixture.bulletin("one.txt", receivedAt: t0, articles: [
            StoreFixture.article("Satellite licence", "Regulator grants spectrum.", topics: [("connectivity", 2)]),
            StoreFixture.article("Cookie walls", "Consent rules tighten.", why: "Fewer trackers.", topics: [("privacy", 2)]),
        ]))
        let ids = try store.pool.read { db in try db.fetchValues(Int64.self, "SELECT id FROM article ORDER BY id") }
        #expect(try store.editArticle(id: ids[0], title: "Satellite licence revoked", body: "Regulator withdraws it.", why: "Outage risk."))
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "spectrum").isEmpty)
        #expect(try titles(store, "withdraws") == ["Satellite licence revoked"])
        #expect(try titles(store, "outage") == ["Satellite licence revoked"])
        #expect(try store.deleteArticle(id: ids[1]))
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "trackers OR cookie").isEmpty)
        #expect(try store.deleteArticle(id: ids[1]) == false)
        #expect(try store.editArticle(id: 999, title: "x", body: "y", why: nil) == false)
        // Reclassification changes topics only: the index stays as it was.
        let report = try store.reclassify { _ in [TopicMatch(topicID: "ai", score: 1, matchedTerms: ["x"])] }
        #expect(report.articles == 1)
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "satellite") == ["Satellite licence revoked"])
    }

    /// A database made before the store wrote the index (triggers from migration v1) is
    /// migrated: the triggers are dropped, the index it had stays valid, and new writes keep it so.
    @Test func anOlderDatabaseLosesItsTriggersAndKeepsItsIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fts-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let db = try Connection(path: path)
            try StoreSchema.migrator.migrate(db, upTo: "v4-boilerplate")
            try db.transaction {
                for (index, title) in ["Harbour cranes automated", "Rail signalling upgraded"].enumerated() {
                    // Written the way the old store did: the triggers fill the index.
                    try db.execute("""
                        INSERT INTO article (text_hash, title, body, why, first_received_at) VALUES (?, ?, 'Old body text.', NULL, ?)
                        """, ["hash-\(index)", title, t0])
                }
                try db.execute("UPDATE article SET first_received_at = ? WHERE text_hash = 'hash-0'", [t0 - 60])
            }
            let triggers = try db.fetchValue(
                Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'article'")
            #expect(triggers == 3)
        }
        let store = try Store(path: path)
        let triggers = try store.pool.read { db in
            try db.fetchValue(Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")
        }
        #expect(triggers == 0)
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "cranes") == ["Harbour cranes automated"])
        try store.syncTopics(StoreFixture.topics)
        _ = try store.ingest(StoreFixture.bulletin("new.txt", receivedAt: t0, articles: [
            StoreFixture.article("Tidal energy pilot", "Turbines installed."),
        ]))
        #expect(try store.fullTextIntegrityCheck() == nil)
        #expect(try titles(store, "turbines OR cranes") == ["Harbour cranes automated", "Tidal energy pilot"])
    }
}
