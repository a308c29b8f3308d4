import PosixThreads
import SQLite

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
/// The thread is a plain pthread (`DetachedThread`), started by a request when none is running
/// and ended once no request is waiting, not a libdispatch worker: libdispatch renices the
/// threads it starts (setpriority(2)), which the service's system-call filter refuses, and
/// each refusal was a `Failed to set thread priority for worker thread` line in the journal.
/// The checkpoints run on a connection of the checkpointer's own, never the store's writer.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// Used only by the checkpoint thread, one at a time.
    private let connection: Connection
    /// Seconds between the starts of two checkpoints.
    private let interval: Double
    /// Its timed waits measure on the monotonic clock: a change of the wall clock neither
    /// shortens nor lengthens the pause between checkpoints.
    private let condition = ThreadCondition(clock: .monotonic)
    /// Guarded by `condition`.
    private var requested = false
    private var threadRunning = false
    /// When the last checkpoint started, in `condition.now()` seconds. A plain CLOCK_MONOTONIC
    /// reading, not `ContinuousClock` (whose page of _Concurrency start-up faulted in, with
    /// the 64 KiB around it: docs/PERFORMANCE.md, "Idle memory").
    private var lastRun: Double?

    /// Opens a connection of its own to the database at `path` (already in WAL mode).
    init(path: String, interval: Duration = .seconds(1)) throws {
        connection = try Connection(path: path)
        connection.setBusyTimeout(milliseconds: 10_000)
        let (seconds, attoseconds) = interval.components
        self.interval = Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Asks for a checkpoint soon (within `interval`); returns at once.
    func request() {
        let start: Bool = condition.withLock {
            requested = true
            guard !threadRunning else { return false }
            threadRunning = true
            return true
        }
        guard start else { return }
        guard DetachedThread.start({ [self] in run() }) else {
            fatalError("cannot start the checkpoint thread: pthread_create refused it")
        }
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
            if let lastRun {
                let due = lastRun + interval
                if due > condition.now() {
                    condition.wait(until: due)
                    continue
                }
            }
            requested = false
            lastRun = condition.now()
            condition.unlock()
            // PASSIVE: copies what it can without waiting for readers or the writer.
            try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            condition.lock()
        }
        threadRunning = false
        condition.broadcast()
        condition.unlock()
    }
}
