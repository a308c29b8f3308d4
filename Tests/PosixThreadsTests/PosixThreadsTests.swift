import PosixThreads
import Testing

/// Real threads: a detached thread runs and wakes a waiter, the lock loses no increment of
/// eight threads, and a timed wait whose moment has passed returns at once, on either clock.
@Suite struct PosixThreadsTests {
    final class Shared: @unchecked Sendable {
        let condition = ThreadCondition()
        let lock = Lock()
        /// Guarded by `lock`.
        var count = 0
        /// Guarded by `condition`.
        var finished = 0
    }

    @Test func detachedThreadsRunAndTheLockLosesNoIncrement() {
        let shared = Shared()
        let threads = 8, increments = 10_000
        for _ in 0..<threads {
            let started = DetachedThread.start {
                for _ in 0..<increments { shared.lock.withLock { shared.count += 1 } }
                shared.condition.withLock {
                    shared.finished += 1
                    shared.condition.signal()
                }
            }
            #expect(started)
        }
        shared.condition.withLock {
            while shared.finished < threads { shared.condition.wait() }
        }
        #expect(shared.lock.withLock { shared.count } == threads * increments)
    }

    @Test func aWaitWhoseMomentHasPassedReturnsFalse() {
        let wall = ThreadCondition()
        #expect(wall.clock == .wall)
        wall.withLock {
            #expect(wall.wait(until: 0) == false)
            #expect(wall.wait(until: -5) == false)
            #expect(wall.wait(seconds: 0) == false)
        }
        let monotonic = ThreadCondition(clock: .monotonic)
        monotonic.withLock {
            #expect(monotonic.wait(seconds: 0) == false)
            #expect(monotonic.wait(seconds: -1) == false)
            #expect(monotonic.wait(until: 0) == false)
        }
    }

    @Test func aWaitUntilNowPlusAMomentEndsOnceTheConditionsClockReachedIt() {
        for condition in [ThreadCondition(), ThreadCondition(clock: .monotonic)] {
            let before = condition.now()
            let due = before + 0.02
            condition.withLock {
                while condition.wait(until: due) {}  // woken spuriously: wait on
            }
            let after = condition.now()
            #expect(after >= due, "clock \(condition.clock): woke at \(after), due \(due)")
        }
    }
}
