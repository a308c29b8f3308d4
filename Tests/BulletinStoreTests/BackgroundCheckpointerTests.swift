import Foundation
import SQLite
import Testing
@testable import BulletinStore

/// The checkpointer copies the write-ahead log into the database file: what a writer committed
/// is in the main file alone (read from a copy of it without its log) after `drain()`.
@Suite struct BackgroundCheckpointerTests {
    @Test func requestsCopyTheLogIntoTheFileEvenWhenTheyComeWithinTheInterval() throws {
        let database = try WALDatabase()
        defer { database.remove() }
        let checkpointer = try BackgroundCheckpointer(path: database.path, interval: .milliseconds(200))

        try database.writer.execute("INSERT INTO t VALUES (1)")
        checkpointer.request()
        checkpointer.drain()
        #expect(try database.rowsInTheMainFile() == 1)

        // The second request comes within the interval: it waits for it, then copies.
        try database.writer.execute("INSERT INTO t VALUES (2)")
        checkpointer.request()
        checkpointer.drain()
        #expect(try database.rowsInTheMainFile() == 2)
    }

    @Test func aCatchUpCopiesAtOnceWhereARequestWaitsForItsPace() throws {
        let database = try WALDatabase()
        defer { database.remove() }
        // A pace of ten minutes: a request after the first run waits that long.
        let checkpointer = try BackgroundCheckpointer(path: database.path, interval: .seconds(600))

        try database.writer.execute("INSERT INTO t VALUES (1)")
        checkpointer.request()
        checkpointer.drain()
        #expect(try database.rowsInTheMainFile() == 1)

        // Within the pace: a catch-up runs at once (drain returns once it has run).
        try database.writer.execute("INSERT INTO t VALUES (2)")
        checkpointer.catchUp()
        checkpointer.drain()
        #expect(try database.rowsInTheMainFile() == 2)

        // A plain request now waits for the pace: nothing more is copied yet...
        try database.writer.execute("INSERT INTO t VALUES (3)")
        checkpointer.request()
        #expect(try database.rowsInTheMainFile() == 2)
        // ... until a catch-up serves it too.
        checkpointer.catchUp()
        checkpointer.drain()
        #expect(try database.rowsInTheMainFile() == 3)
    }
}
