#if canImport(Glibc)
import Glibc
#endif

/// A lock with a condition variable (pthread), for a thread that sleeps until another signals
/// it or a moment comes, without Foundation's `NSCondition`.
///
/// What a caller may rely on:
/// - `lock()`/`unlock()`/`withLock` are a `Lock` (not recursive); the waits and `signal()`/
///   `broadcast()` are called with it held, and every wait returns with it held again.
/// - A wait may return spuriously: wait in a loop that checks what it waits for.
/// - Timed waits measure on the condition's `clock`, chosen when it is made: `.wall`
///   (CLOCK_REALTIME, the default: a deadline is a moment of the wall clock, as
///   `Date().timeIntervalSince1970` gives it, and a change of the wall clock moves it) or
///   `.monotonic` (CLOCK_MONOTONIC: a change of the wall clock neither shortens nor lengthens
///   the wait).
public final class ThreadCondition: @unchecked Sendable {
    /// The clock a condition's timed waits measure on.
    public enum Clock: Sendable {
        /// CLOCK_REALTIME: seconds since 1970-01-01 UTC, as the wall clock says.
        case wall
        /// CLOCK_MONOTONIC: seconds since an unspecified start, never set back.
        case monotonic

        var id: clockid_t { self == .wall ? CLOCK_REALTIME : CLOCK_MONOTONIC }
    }

    /// The clock of the timed waits.
    public let clock: Clock
    private let mutex = Lock()
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init(clock: Clock = .wall) {
        self.clock = clock
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, clock.id)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    public func lock() { mutex.lock() }
    public func unlock() { mutex.unlock() }

    /// Runs `body` holding the lock.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try mutex.withLock(body)
    }

    /// Wakes one waiting thread, if any. Call with the lock held.
    public func signal() {
        pthread_cond_signal(condition)
    }

    /// Wakes every waiting thread. Call with the lock held.
    public func broadcast() {
        pthread_cond_broadcast(condition)
    }

    /// Releases the lock until signalled (or woken spuriously), then takes it again.
    public func wait() {
        pthread_cond_wait(condition, mutex.mutex)
    }

    /// As `wait()`, but returns by `deadline` at the latest: seconds on the condition's `clock`
    /// (for `.wall`, since 1970-01-01 UTC; a deadline before that counts as 1970-01-01). An
    /// infinite or NaN deadline waits as `wait()`. True when woken before the deadline
    /// (or spuriously), false when the deadline passed.
    @discardableResult
    public func wait(until deadline: Double) -> Bool {
        guard deadline.isFinite else { wait(); return true }
        let whole = deadline.rounded(.down)
        var time = timespec(tv_sec: time_t(max(0, whole)), tv_nsec: Int(max(0, (deadline - whole) * 1e9)))
        return pthread_cond_timedwait(condition, mutex.mutex, &time) == 0
    }

    /// The time on the condition's `clock`, in seconds: what `wait(until:)` compares its
    /// deadline with.
    public func now() -> Double {
        var time = timespec()
        clock_gettime(clock.id, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// As `wait()`, but returns after `seconds` on the condition's `clock` at the latest (at
    /// once for zero or less). True when woken before then (or spuriously), false when the
    /// time passed.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        var deadline = timespec()
        clock_gettime(clock.id, &deadline)
        let whole = Int(seconds.rounded(.down))
        var nanoseconds = Int(deadline.tv_nsec) + Int((seconds - Double(whole)) * 1_000_000_000)
        var secondsPart = Int(deadline.tv_sec) + whole
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            secondsPart += 1
        }
        deadline.tv_sec = secondsPart
        deadline.tv_nsec = nanoseconds
        return pthread_cond_timedwait(condition, mutex.mutex, &deadline) == 0
    }
}
