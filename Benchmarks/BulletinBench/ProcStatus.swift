import Foundation

/// Memory figures of a process from /proc/PID/status, in bytes.
struct ProcStatus {
    var residentBytes: Int
    var peakResidentBytes: Int
    /// Resident anonymous memory (heap, stacks): what the process allocated, without the
    /// pages of its own binary and libraries (RssFile), which the kernel can drop and share.
    var anonymousBytes: Int

    static func read(pid: Int32) -> ProcStatus? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kilobytes(_ key: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(key + ":") }?
                .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        guard let rss = kilobytes("VmRSS"), let hwm = kilobytes("VmHWM") else { return nil }
        return ProcStatus(residentBytes: rss * 1_024, peakResidentBytes: hwm * 1_024,
                          anonymousBytes: (kilobytes("RssAnon") ?? 0) * 1_024)
    }
}
