#if canImport(Glibc)
import Glibc
#endif

/// A mutual-exclusion lock (a pthread mutex with default attributes), without Foundation's
/// `NSLock`: for state shared between threads whose code takes the lock around a call
/// (`lock()`/`unlock()`, `withLock`). A value guarded on its own is simpler in the standard
/// library's `Synchronization.Mutex`; a thread that must also sleep until signalled uses
/// `ThreadCondition`, which holds one of these.
///
/// Not recursive: a thread that holds the lock must not take it again (it would wait for
/// itself). Unlocked only by the thread that locked it.
public final class Lock: @unchecked Sendable {
    /// Internal: `ThreadCondition` waits on it.
    let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Waits until the lock is free, then holds it.
    public func lock() { pthread_mutex_lock(mutex) }

    /// Frees the lock the calling thread holds.
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock; the lock is freed when `body` returns or throws.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
