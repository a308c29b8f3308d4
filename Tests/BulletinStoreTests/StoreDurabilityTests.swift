import Foundation
import SQLite
import Testing
@testable import BulletinStore

/// What the durable order of the daemon relies on from the store (docs/RELIABILITY.md).
@Suite struct StoreDurabilityTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// The connection that commits runs with `synchronous = FULL` (2): the log is fsynced at
    /// every commit. GRDB sets NORMAL (1) on it when it sets up WAL mode; with NORMAL a commit
    /// can be rolled back by a power cut after the daemon moved its files (issue 16; the
    /// power-cut scenario, Tests/powercut, shows it).
    @Test func theWriterCommitsWithSynchronousFull() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let level = try fixture.store.pool.writeWithoutTransaction { db in
            try db.fetchValue(Int.self, "PRAGMA synchronous")
        }
        #expect(level == 2)
        let mode = try fixture.store.pool.writeWithoutTransaction { db in
            try db.fetchValue(String.self, "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
    }

    /// The bulletins stored but not recorded as filed are listed with the name and content
    /// hash the start-up recovery checks against the inbox; filed ones are not.
    @Test func unfiledBulletinsAreListedUntilMarkedFiled() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        var waiting = StoreFixture.bulletin("waiting.txt", receivedAt: t0, articles: [StoreFixture.article("Waiting", "One.")])
        waiting.awaitingFiling = true
        let filed = StoreFixture.bulletin("filed.txt", receivedAt: t0, articles: [StoreFixture.article("Filed", "Two.")])
        _ = try fixture.store.ingest(batch: [waiting, filed])
        let unfiled = try fixture.store.unfiledBulletins()
        #expect(unfiled.map(\.fileName) == ["waiting.txt"])
        #expect(unfiled.map(\.contentHash) == [waiting.contentHash])
        try fixture.store.markFiled(bulletinIDs: unfiled.map(\.id))
        #expect(try fixture.store.unfiledBulletins().isEmpty)
        // markFiled commits unsynced, then puts the writer back to FULL for the next commit.
        let level = try fixture.store.pool.writeWithoutTransaction { db in
            try db.fetchValue(Int.self, "PRAGMA synchronous")
        }
        #expect(level == 2)
    }
}
