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
///   else with the first poke that comes once it is, or `interval / 4` after that when no poke
///   comes (`InStepPacing`): a burst of pokes writes at most once per `interval`, each poke is
///   written within 1.25 × `interval`, and while pokes keep coming (the daemon's events, right
///   after a file is filed) the write starts with one of them, never at a moment of its own
///   that a regular stream of files would meet at the same step every time;
/// - with `periodic`, it also runs about every `interval` seconds (at most 1.25 × `interval`
///   apart) without being poked;
/// - `flush()` writes now, on the caller's thread, and waits for a write in progress first;
/// - `stop()` ends the thread (after the write in progress); nothing is written after it
///   returns but by `flush()`.
///
/// A plain thread (`DetachedThread`), not libdispatch (see `ParallelMap` for why).
public final class BackgroundWriter: Sendable {
    private let periodic: Bool
    private let write: @Sendable () -> Void
    /// On the monotonic clock: a change of the wall clock neither delays nor hurries a write.
    private let condition = ThreadCondition(clock: .monotonic)
    /// Guarded by `condition`.
    nonisolated(unsafe) private var pacing: InStepPacing
    nonisolated(unsafe) private var stopped = false
    /// Held while `write` runs, so a flush and the thread never write at once.
    private let writing = Mutex(())

    public init(interval: Double, periodic: Bool = false, write: @escaping @Sendable () -> Void) {
        pacing = InStepPacing(interval: interval)
        self.periodic = periodic
        self.write = write
        let started = DetachedThread.start { [self] in loop() }
        precondition(started, "bulletind: cannot start the background writer's thread")
    }

    public func poke() {
        condition.withLock {
            pacing.request(at: condition.now())
            condition.signal()
        }
    }

    public func flush() {
        condition.withLock {
            pacing.ran(at: condition.now())
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
                // Periodic: a request stands from the last write on, served like any poke.
                if periodic, pacing.latestRequest == nil { pacing.request(at: pacing.lastRun ?? condition.now()) }
                let step = pacing.next(at: condition.now())
                if step == .run { break }
                if case .wait(let until) = step {
                    condition.wait(until: until)
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
            writing.withLock { _ in
                // A flush and stop may have come between: nothing is written after `stop()`.
                if !condition.withLock({ stopped }) { write() }
            }
        }
    }
}
