import PosixThreads
import SQLite

/// Copies the write-ahead log back into the database file on a thread of its own, so that a
/// commit never waits for a checkpoint (SQLite's automatic checkpoint runs inside the commit
/// that crosses 1,000 pages of log: two fdatasync calls and a burst of writes, tens of
/// milliseconds on the thread storing a bulletin).
///
/// `request()` after each write: at most one checkpoint runs at a time, and they are at least
/// `interval` apart, so a burst of writes costs one checkpoint a second. A checkpoint starts IN
/// STEP with the writes (`InStepPacing`): with the first request that comes `interval` after the
/// last checkpoint, i.e. right after a commit (the daemon's: of a batch of files; the writes
/// that follow one at once, `markFiled` and the index's tidy steps, do not start one), or
/// `interval` later when no write comes. A timer of its own, repeated every second, kept one
/// phase of a regular stream of files (one every 50 ms: the same step of every twentieth file),
/// and its writes and fsyncs could meet that file's commit. Checkpoints are PASSIVE: they never
/// block readers or the writer, and what they cannot copy yet is copied by the next one. A
/// failure is ignored: the log is only larger until the next checkpoint succeeds.
///
/// `catchUp()` asks for one at once, whatever the pace: the writer's log hook (`Store`) calls
/// it after each commit once the log holds `Store.LogLimits.catchUpFrames` pages (a stream of
/// commits: a backlog of files). Those checkpoints run back to back on this thread while the
/// writer goes on, so the writer's own checkpoint at `writerFrames`, which the log needs to
/// start again, copies only the last commits' pages (docs/PERFORMANCE.md, "Eleventh round").
///
/// After a checkpoint that copied the whole log, the next write starts the log again, and the
/// log's new header is fsynced with it (an extra fdatasync): the writer calls
/// `waitForRunning()` before a write that should take that cost instead of a later one (the
/// daemon's `markFiled`, after the moves, so that the next file's commit does not).
///
/// The thread is a plain pthread (`DetachedThread`), started by a request when none is running
/// and ended once no request is waiting, not a libdispatch worker: libdispatch renices the
/// threads it starts (setpriority(2)), which the service's system-call filter refuses, and
/// each refusal was a `Failed to set thread priority for worker thread` line in the journal.
/// The checkpoints run on a connection of the checkpointer's own, never the store's writer.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// Used only by the checkpoint thread, one at a time.
    private let connection: Connection
    /// Its timed waits measure on the monotonic clock: a change of the wall clock neither
    /// shortens nor lengthens the pause between checkpoints.
    private let condition = ThreadCondition(clock: .monotonic)
    /// Guarded by `condition`. Its moments are `condition.now()` seconds: plain CLOCK_MONOTONIC
    /// readings, not `ContinuousClock` (whose page of _Concurrency start-up faulted in, with
    /// the 64 KiB around it: docs/PERFORMANCE.md, "Idle memory").
    private var pacing: InStepPacing
    private var threadRunning = false
    /// Whether a checkpoint is being run now (guarded by `condition`).
    private var checkpointing = false
    /// A checkpoint asked for by `catchUp()`, not yet started (guarded by `condition`).
    private var catchUpWaiting = false
    /// Whether the checkpoint running now, or the last one, was a catch-up (guarded by `condition`).
    private var catchingUp = false

    /// Opens a connection of its own to the database at `path` (already in WAL mode).
    init(path: String, interval: Duration = .seconds(1)) throws {
        connection = try Connection(path: path)
        connection.setBusyTimeout(milliseconds: 10_000)
        let (seconds, attoseconds) = interval.components
        // Seconds between the starts of two checkpoints; a request waits as long again for a
        // write to start with, so that files a second or two apart still get their checkpoint
        // right after a commit (and its log restart in `markFiled`, not in the next commit).
        let spacing = Double(seconds) + Double(attoseconds) / 1e18
        pacing = InStepPacing(interval: spacing, grace: spacing)
    }

    /// Asks for a checkpoint soon (within 2 × `interval`); returns at once. `canStart` false:
    /// not a moment to start one with (the writer has more to write at once: a checkpoint
    /// started now would not copy all of it, and the log would not start again).
    func request(canStart: Bool = true) {
        asking { pacing.request(at: condition.now(), canStart: canStart) }
    }

    /// Asks for a checkpoint now, whatever the pace (the writer's log has grown long under a
    /// stream of commits; `Store`'s log hook): one starts at once, or right after the one
    /// running, which started before the commit that asked. Returns at once. The checkpoints a
    /// stream of commits asks for this way copy the log back while the writer goes on writing,
    /// so that the writer's own checkpoint, when the log reaches `Store.LogLimits.writerFrames`,
    /// finds almost everything copied already.
    func catchUp() {
        asking { catchUpWaiting = true }
    }

    /// Records a request (`record`, under the lock), wakes the thread, or starts it when none runs.
    private func asking(_ record: () -> Void) {
        let start: Bool = condition.withLock {
            record()
            condition.broadcast()
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

    /// Waits for the checkpoint in progress, if one is running (not for one only asked for),
    /// unless checkpoints are catching up with a stream of commits (`catchUp()`): the writer
    /// then goes on, and the log starts again with the writer's own checkpoint.
    func waitForRunning() {
        condition.withLock {
            while checkpointing && !catchingUp && !catchUpWaiting { condition.wait() }
        }
    }

    /// The thread: checkpoints as `pacing` says while requests come, then ends.
    private func run() {
        condition.lock()
        loop: while true {
            if catchUpWaiting {
                // It serves the paced requests made so far too.
                catchUpWaiting = false
                pacing.ran(at: condition.now())
                checkpoint(catchingUp: true)
                continue
            }
            switch pacing.next(at: condition.now()) {
            case .idle:
                break loop
            case .wait(let until):
                condition.wait(until: until)
            case .run:
                checkpoint(catchingUp: false)
            }
        }
        threadRunning = false
        condition.broadcast()
        condition.unlock()
    }

    /// One checkpoint, with `condition` locked on entry and exit (unlocked while it runs).
    /// PASSIVE: copies what it can without waiting for readers or the writer.
    private func checkpoint(catchingUp: Bool) {
        self.catchingUp = catchingUp
        checkpointing = true
        condition.unlock()
        // The pragma, not `checkpointPassive()`: this connection reads nothing else, and until a
        // statement has opened the database it does not know the file is in WAL mode.
        try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        condition.lock()
        checkpointing = false
        condition.broadcast()
    }
}
