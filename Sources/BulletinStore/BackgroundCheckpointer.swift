import Foundation
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
///
/// The thread is a plain `Thread`, started by a request when none is running and ended once
/// no request is waiting, not a libdispatch worker: libdispatch renices the threads it starts
/// (setpriority(2)), which the service's system-call filter refuses, and each refusal was a
/// `Failed to set thread priority for worker thread` line in the journal.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let interval: TimeInterval
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var requested = false
    private var threadRunning = false
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
        let start: Bool = condition.withLock {
            requested = true
            guard !threadRunning else { return false }
            threadRunning = true
            return true
        }
        if start { Thread { [self] in run() }.start() }
    }

    /// Waits for the checkpoint in progress or waiting, if any (tests).
    func drain() {
        condition.withLock {
            while threadRunning { condition.wait() }
        }
    }

    /// The thread: checkpoints while requests come, `interval` apart, then ends.
    private func run() {
        condition.lock()
        while requested {
            let due = lastRun.addingTimeInterval(interval)
            if Date() < due {
                _ = condition.wait(until: due)
                continue
            }
            requested = false
            lastRun = Date()
            condition.unlock()
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            condition.lock()
        }
        threadRunning = false
        condition.broadcast()
        condition.unlock()
    }
}
