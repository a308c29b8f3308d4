import CMalloc
#if canImport(Glibc)
import Glibc
#endif

/// How many malloc arenas (glibc) the daemon's threads share.
///
/// glibc gives a thread that finds every arena in use a new one, up to eight per core, and an
/// arena keeps the memory of its busiest moment. The daemon prepares each batch on threads
/// started for it (`ParallelMap`: one per core); when a batch's threads start before the last
/// batch's have ended, a new arena is made, and over a long burst a third and fourth appeared
/// (~2 MB each: 20,000 files peaked 2–4 MB above 2,000; docs/PERFORMANCE.md, "Peak memory, sixth
/// round").
public enum MallocArenas {
    /// Limits the process to the main arena plus one per online core, so a burst of any length
    /// ends with the arenas a short one has. Call before the threads start (the arenas made
    /// before stay); a thread that finds all of them in use shares one, taking its lock while it
    /// allocates. The cores are counted with `sysconf`, not `ParallelMap.cores`: that one reads
    /// the cgroup's limits through `ProcessInfo`, whose code an idle daemon otherwise never
    /// runs (called at start, it made the idle daemon's resident text 1 MB larger).
    public static func limitToCores() {
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        _ = mallopt(M_ARENA_MAX, Int32(clamping: cores + 1))
    }
}
