#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock with a condition variable (pthread), for a thread that waits for work or for a
/// moment, without Foundation's `NSCondition`. Timed waits use the monotonic clock, so a
/// change of the wall clock neither shortens nor lengthens them.
public final class ThreadCondition: @unchecked Sendable {
    private let mutex = Lock()
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
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

    /// Waits (the lock held) until signalled; the lock is held again on return. May return
    /// spuriously: callers wait in a loop on their own condition.
    public func wait() {
        pthread_cond_wait(condition, mutex.mutex)
    }

    /// Waits (the lock held) until signalled or `seconds` have passed.
    public func wait(seconds: Double) {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let whole = Int(seconds.rounded(.down))
        var nanoseconds = Int(deadline.tv_nsec) + Int((seconds - Double(whole)) * 1_000_000_000)
        var secondsPart = Int(deadline.tv_sec) + whole
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            secondsPart += 1
        }
        deadline.tv_sec = secondsPart
        deadline.tv_nsec = nanoseconds
        pthread_cond_timedwait(condition, mutex.mutex, &deadline)
    }

    /// Wakes every waiting thread.
    public func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
