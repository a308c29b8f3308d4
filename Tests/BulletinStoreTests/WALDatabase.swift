import Foundation
import SQLite

/// A fresh SQLite file in WAL mode in a temporary folder, with one table `t`, for the tests of
/// the write-ahead log and its checkpoints. `remove()` deletes the folder.
struct WALDatabase {
    let folder: URL
    let path: String
    /// The connection that writes, with SQLite's automatic checkpoint at `autocheckpoint` pages
    /// (0: off) once `t` exists.
    let writer: Connection

    init(column: String = "x INTEGER", autocheckpoint: Int = 0) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("db.sqlite").path
        writer = try Connection(path: path)
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("CREATE TABLE t (\(column))")
        try writer.execute("PRAGMA wal_autocheckpoint = \(autocheckpoint)")
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The rows of `t` in a copy of the database file alone, without its `-wal` file: what
    /// checkpoints have copied into it (0 when not even the table's creation has been copied).
    func rowsInTheMainFile() throws -> Int {
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let connection = try Connection(path: copy, readOnly: true)
        let tables = try connection.fetchValue(Int.self, "SELECT count(*) FROM sqlite_master WHERE name = 't'") ?? 0
        return tables == 0 ? 0 : try connection.fetchValue(Int.self, "SELECT count(*) FROM t") ?? -1
    }
}
