#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import PosixThreads
import Synchronization

/// `map` over the available cores, for pure work on independent items (analysing several
/// bulletins of a batch). Results keep the order of the input; `transform` must not touch
/// shared mutable state.
///
/// The helpers are plain threads (`DetachedThread`), started for the call and ended with it, not
/// libdispatch's workers: libdispatch renices each worker thread it starts to imitate a
/// quality-of-service class (setpriority(2), nice 0, and -4 for its manager thread), which the
/// unit's system-call filter refuses (`~@resources`) and an unprivileged user may not do for
/// -4 anyway; every refusal put `Failed to set thread priority for worker thread … errno=1` in
/// the journal. A plain thread is never reniced.
enum ParallelMap {
    /// At most this many threads work on one call (the calling one included), whatever the
    /// number of cores: the unit allows the service 64 tasks in all (`TasksMax=64`).
    static let maximumThreads = 16

    /// The cores this process may use, read once: `activeProcessorCount` reads the cgroup's
    /// files (cpu.cfs_quota_us, cpuset.cpus) at every call, eight system calls per batch on the
    /// daemon's path. A quota changed while the daemon runs is seen at its next start.
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    static func map<Element: Sendable, Output: Sendable>(
        _ items: [Element], _ transform: @escaping @Sendable (Element) -> Output
    ) -> [Output] {
        let helpers = min(items.count, cores, maximumThreads) - 1
        guard helpers > 0 else { return items.map(transform) }
        // Each index is claimed once (under the lock) and its result written to its own slot of
        // a buffer initialised beforehand: no two threads touch the same slot, and the array is
        // built only after every helper has finished.
        let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let output = slots
        let claims = IndexClaims()
        let work: @Sendable () -> Void = {
            while true {
                let index = claims.next()
                guard index < items.count else { return }
                output[index] = transform(items[index])
            }
        }
        let finished = DispatchSemaphore(value: 0)
        var started = 0
        for _ in 0..<helpers {
            // A thread the system refuses leaves its share to the others (the calling one at least).
            let running = DetachedThread.start {
                work()
                finished.signal()
            }
            if running { started += 1 }
        }
        work()
        for _ in 0..<started { finished.wait() }
        return slots.map { $0! }
    }

    /// Hands out 0, 1, 2, … once each, to any number of threads.
    private final class IndexClaims: Sendable {
        private let counter = Atomic<Int>(0)
        func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).oldValue }
    }
}
