import Foundation
import SQLite
import Testing
@testable import BulletinStore

/// The checkpointer copies the write-ahead log into the database file: what a writer committed
/// is in the main file alone (read from a copy of it without its log) after `drain()`.
@Suite struct BackgroundCheckpointerTests {
    /// The rows of `t` in a copy of the database file alone, without its `-wal` file.
    func rowsInTheMainFile(_ path: String, _ folder: URL) throws -> Int {
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let connection = try Connection(path: copy, readOnly: true)
        return try connection.fetchValue(Int.self, "SELECT count(*) FROM t") ?? -1
    }

    @Test func requestsCopyTheLogIntoTheFileEvenWhenTheyComeWithinTheInterval() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let writer = try Connection(path: path)
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("CREATE TABLE t (x INTEGER)")
        let checkpointer = try BackgroundCheckpointer(path: path, interval: .milliseconds(200))

        try writer.execute("INSERT INTO t VALUES (1)")
        checkpointer.request()
        checkpointer.drain()
        #expect(try rowsInTheMainFile(path, folder) == 1)

        // The second request comes within the interval: it waits for it, then copies.
        try writer.execute("INSERT INTO t VALUES (2)")
        checkpointer.request()
        checkpointer.drain()
        #expect(try rowsInTheMainFile(path, folder) == 2)
    }
}
