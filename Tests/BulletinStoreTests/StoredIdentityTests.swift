import Foundation
import SQLite
import Testing
import BulletinModel
@testable import BulletinStore

/// A database written before the SHA-256 implementation changed keeps matching: its rows
/// hold the hashes the hand-written SHA-256 computed (the literals below, printed by it at
/// commit ee35783), and the same content arriving now is recognised by them.
@Suite struct StoredIdentityTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let title = "Regulators agree on a shared test for AI chatbots"
    static let body = "Data protection and competition regulators from five countries agreed on a common method.\n\nThe method covers training data."
    static let why = "A shared audit method lowers the cost of compliance."
    /// The fingerprint of that article, as stored before.
    static let storedFingerprint = "41847247cd322a5c798285c7736600510e4919f6969ae5a13f2f7df6854b109f"
    /// The content hash of the bytes "abc", as stored before (FIPS 180-4's first vector).
    static let storedContentHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func anArticleStoredBeforeIsLinkedNotCopied() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        // The row an older bulletind wrote for this article.
        try fixture.store.pool.write { db in
            try db.execute("INSERT INTO article (text_hash, title, body, why, first_received_at) VALUES (?, ?, ?, ?, ?)",
                           [Self.storedFingerprint, Self.title, Self.body, Self.why, t0])
        }
        let outcome = try fixture.store.ingest(StoreFixture.bulletin("later.txt", receivedAt: t0.addingTimeInterval(60), articles: [
            StoreFixture.article(Self.title.uppercased(), Self.body, why: Self.why),
            StoreFixture.article("Another article", "Its own text."),
        ]))
        guard case .ingested(_, let articles, let newArticles) = outcome else {
            Issue.record("expected .ingested, got \(outcome)"); return
        }
        #expect(articles == 2)
        #expect(newArticles == 1)
        let stored = try fixture.store.pool.read { db in
            try db.fetchValues(String.self, "SELECT text_hash FROM article ORDER BY id")
        }
        #expect(stored.count == 2)
        #expect(stored.first == Self.storedFingerprint)
    }

    @Test func aBulletinStoredBeforeIsADuplicate() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        try fixture.store.pool.write { db in
            try db.execute("""
                INSERT INTO bulletin (file_name, content_hash, size, format, encoding, received_at, filed)
                VALUES ('old.txt', ?, 3, 'text', 'utf-8', ?, 1)
                """, [Self.storedContentHash, t0])
        }
        let again = StoreFixture.bulletin("again.txt", receivedAt: t0, articles: [StoreFixture.article("A", "B")],
                                          content: "abc")
        #expect(again.contentHash == Self.storedContentHash)
        let outcome = try fixture.store.ingest(again)
        guard case .duplicate = outcome else {
            Issue.record("expected .duplicate, got \(outcome)"); return
        }
    }
}
