import Foundation
import SQLite
import Testing

/// `Connection.onCommitToLog`: called after each commit with the log's length, in place of
/// SQLite's automatic checkpoint.
@Suite struct CommitToLogHookTests {
    @Test func theHookSeesEachCommitAndReplacesTheAutomaticCheckpoint() throws {
        // SQLite's own hook would checkpoint at every commit; ours replaces it.
        let database = try WALDatabase(column: "x BLOB", autocheckpoint: 1)
        defer { database.remove() }
        var seen: [Int] = []
        database.writer.onCommitToLog { _, frames in seen.append(frames) }

        for _ in 0..<3 { try database.writer.execute("INSERT INTO t VALUES (zeroblob(10000))") }
        #expect(seen.count == 3)
        #expect(seen == seen.sorted() && seen[0] > 0 && seen[2] > seen[0])
        // Nothing was copied into the database file.
        #expect(try database.rowsInTheMainFile() == 0)

        database.writer.checkpointPassive()
        #expect(try database.rowsInTheMainFile() == 3)
    }
}
