#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `map` over the available cores, for pure work on independent items (analysing several
/// bulletins of a batch). Results keep the order of the input; `transform` must not touch
/// shared mutable state.
///
/// The helpers are plain threads started for the call and ended with it (`SharedWork`), not
/// libdispatch's workers: libdispatch renices each worker thread it starts to imitate a
/// quality-of-service class (setpriority(2), nice 0, and -4 for its manager thread), which the
/// unit's system-call filter refuses (`~@resources`) and an unprivileged user may not do for
/// -4 anyway; every refusal put `Failed to set thread priority for worker thread … errno=1` in
/// the journal. A plain thread (`DetachedThread`) is never reniced.
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
        let work = SharedWork(items, transform)
        work.start(helpers: helpers)
        return work.finish()
    }

    /// The helpers for work that runs while the calling thread does something else first (the
    /// daemon's thread storing the batch before): one core fewer than `map` takes, at least one,
    /// so that the two do not take turns on a core. The calling thread joins the work when it
    /// is done with its own (`SharedWork.finish`).
    static var helpersBesideCaller: Int { max(1, min(cores, maximumThreads) - 1) }
}
