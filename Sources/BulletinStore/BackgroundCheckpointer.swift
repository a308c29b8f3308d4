import Foundation
import Dispatch
import GRDB

/// Copies the write-ahead log back into the database file on a thread of its own, so that a
/// commit never waits for a checkpoint (SQLite's automatic checkpoint runs inside the commit
/// that crosses 1,000 pages of log: two fdatasync calls and a burst of writes, tens of
/// milliseconds on the thread storing a bulletin).
///
/// `request()` after each write: at most one checkpoint runs at a time, at most one is
/// waiting, and they are at least `interval` apart, so a burst of writes costs one checkpoint
/// a second. Checkpoints are PASSIVE: they never block readers or the writer, and what they
/// cannot copy yet is copied by the next one. A failure is ignored: the log is only larger
/// until the next checkpoint succeeds.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "bulletind.store.checkpoint")
    private let interval: TimeInterval
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var scheduled = false
    private var lastRun = Date.distantPast

    /// Opens a connection of its own to the database at `path` (already in WAL mode).
    init(path: String, interval: TimeInterval = 1) throws {
        var configuration = Configuration()
        configuration.label = "bulletind.store.checkpointer"
        configuration.busyMode = .timeout(10)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
    }

    /// Asks for a checkpoint soon (within `interval`); returns at once.
    func request() {
        let delay: TimeInterval? = lock.withLock {
            guard !scheduled else { return nil }
            scheduled = true
            return max(0, interval - Date().timeIntervalSince(lastRun))
        }
        guard let delay else { return }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            lock.withLock {
                scheduled = false
                lastRun = Date()
            }
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
    }

    /// Waits for the checkpoint in progress or scheduled, if any (tests).
    func drain() {
        queue.sync {}
    }
}
