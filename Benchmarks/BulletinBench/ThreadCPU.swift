import Foundation

/// CPU time of one thread, in seconds: a figure that depends little on the machine's load
/// (unlike wall-clock time), for comparing the daemon's storing thread with the floor.
enum ThreadCPU {
    /// CPU time consumed so far by the calling thread (CLOCK_THREAD_CPUTIME_ID).
    static func current() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// CPU time consumed so far by thread `tid` of process `pid` (the first field of
    /// /proc/PID/task/TID/schedstat, in nanoseconds), or nil when it cannot be read.
    /// The daemon's main thread, which stores and files, is `tid == pid`.
    static func of(pid: Int32, tid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/schedstat", encoding: .utf8),
              let first = text.split(separator: " ").first, let nanoseconds = Double(first) else { return nil }
        return nanoseconds / 1e9
    }
}
