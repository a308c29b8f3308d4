#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A process told apart from a later one that reuses its pid: the pid and its start time
/// (clock ticks since boot, field 22 of `/proc/PID/stat`).
public struct ProcessIdentity: Sendable, Equatable {
    public var pid: Int32
    public var start: UInt64?

    public init(pid: Int32, start: UInt64?) {
        self.pid = pid
        self.start = start
    }

    /// This process.
    public static var current: ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, start: startTime(of: pid))
    }

    /// Whether this process still runs. A pid that exists but belongs to another user counts
    /// (kill(2) says EPERM); when `/proc/PID/stat` can be read, its start time must match too.
    public var isAlive: Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        guard let start, let now = Self.startTime(of: pid) else { return true }
        return now == start
    }

    /// Field 22 of `/proc/PID/stat`, or nil when it cannot be read (`hidepid`, another pid
    /// namespace). The command name (field 2) may hold spaces and parentheses: fields are
    /// counted after its last ')'.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let text = String(data: data, encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ')': field 3 (state) is fields[0], so field 22 is fields[19].
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
