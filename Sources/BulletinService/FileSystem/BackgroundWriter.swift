#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PosixThreads
import Synchronization

/// Runs `write` on a thread of its own, so the daemon's thread never waits for a file to be
/// written (an observer must return at once):
/// - `poke()` asks for a write: it runs at once when the last one is `interval` seconds old,
///   else when it becomes so, so a burst of pokes writes at most once per `interval` and the
///   last poke is written within `interval`;
/// - with `periodic`, it also runs every `interval` seconds without being poked;
/// - `flush()` writes now, on the caller's thread, and waits for a write in progress first;
/// - `stop()` ends the thread (after the write in progress); nothing is written after it
///   returns but by `flush()`.
///
/// A plain thread (`DetachedThread`), not libdispatch (see `ParallelMap` for why).
public final class BackgroundWriter: Sendable {
    private let interval: Double
    private let periodic: Bool
    private let write: @Sendable () -> Void
    /// On the wall clock, as `lastWrite` (`Date`).
    private let condition = ThreadCondition()
    /// Guarded by `condition`.
    nonisolated(unsafe) private var requested = false
    nonisolated(unsafe) private var stopped = false
    nonisolated(unsafe) private var lastWrite = Date.distantPast
    /// Held while `write` runs, so a flush and the thread never write at once.
    private let writing = Mutex(())

    public init(interval: Double, periodic: Bool = false, write: @escaping @Sendable () -> Void) {
        self.interval = interval
        self.periodic = periodic
        self.write = write
        let started = DetachedThread.start { [self] in loop() }
        precondition(started, "bulletind: cannot start the background writer's thread")
    }

    public func poke() {
        condition.withLock {
            requested = true
            condition.signal()
        }
    }

    public func flush() {
        condition.withLock {
            requested = false
            lastWrite = Date()
        }
        writing.withLock { _ in write() }
    }

    public func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while true {
                if stopped { condition.unlock(); return }
                let due = lastWrite.addingTimeInterval(interval)
                if (requested || periodic) && Date() >= due { break }
                if requested || periodic {
                    condition.wait(until: due.timeIntervalSince1970)
                } else {
                    condition.wait()
                }
            }
            requested = false
            lastWrite = Date()
            condition.unlock()
            writing.withLock { _ in
                // A flush and stop may have come between: nothing is written after `stop()`.
                if !condition.withLock({ stopped }) { write() }
            }
        }
    }
}
