import CMalloc

/// How many malloc arenas (glibc) the daemon's threads share.
///
/// glibc gives a thread that finds every arena in use a new one, up to eight per core, and an
/// arena keeps the memory of its busiest moment. The daemon prepares each batch on threads
/// started for it (`ParallelMap`: one per core); when a batch's threads start before the last
/// batch's have ended, a new arena is made, and over a long burst a third and fourth appeared
/// (~2 MB each: 20,000 files peaked 2–4 MB above 2,000; docs/PERFORMANCE.md, "Peak memory, sixth
/// round").
public enum MallocArenas {
    /// Limits the process to the main arena plus one per core this process may use, so a burst
    /// of any length ends with the arenas a short one has. Call before the threads start (the
    /// arenas made before stay); a thread that finds all of them in use shares one, taking its
    /// lock while it allocates.
    public static func limitToCores() {
        _ = mallopt(M_ARENA_MAX, Int32(clamping: ParallelMap.cores + 1))
    }
}
