#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A mutex with a condition variable (pthread), for a thread that sleeps until it is signalled
/// or a moment comes: what `NSCondition` gave us, without full Foundation.
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Wakes one waiting thread. Call with the lock held.
    func signal() { pthread_cond_signal(condition) }

    /// Releases the lock until signalled (or woken spuriously), then takes it again. Call with
    /// the lock held, in a loop that checks what it waits for.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// As `wait()`, but returns by `deadline` (wall-clock time) at the latest; false when the
    /// deadline passed.
    @discardableResult
    func wait(until deadline: Date) -> Bool {
        let seconds = deadline.timeIntervalSince1970
        guard seconds.isFinite else { wait(); return true }
        let whole = seconds.rounded(.down)
        var time = timespec(tv_sec: time_t(max(0, whole)), tv_nsec: Int(max(0, (seconds - whole) * 1e9)))
        return pthread_cond_timedwait(condition, mutex, &time) == 0
    }
}
