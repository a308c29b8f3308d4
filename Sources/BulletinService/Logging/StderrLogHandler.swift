#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Readable one-line log messages on standard error, for runs by hand:
/// `2026-11-29T07:30:00Z info  archived 2026-11-29-digest.txt articles=10 duration_ms=12`.
/// Time in UTC; metadata as `key=value` sorted by key, values with spaces or quotes quoted.
/// Each message is one write(2), so lines from several threads never interleave.
public struct StderrLogHandler: ControlledLogHandler {
    public var settings: LogHandlerSettings

    public init(label: String, level: Logger.Level? = nil, control: LogLevelControl = .shared) {
        settings = LogHandlerSettings(level: level, control: control)
    }

    public func log(event: LogEvent) {
        let merged = event.metadata(over: settings.metadata)
        var text = Self.format(time: Date(), level: event.level, message: event.message.description, metadata: merged)
        text.append("\n")
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// One line without its newline (pure, for tests).
    public static func format(time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var line = "\(timestamp(time)) \(levelName(level)) \(message.replacingScalar("\n", with: " "))"
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            line += " \(key)=\(quoted("\(value)"))"
        }
        return line
    }

    /// Five characters wide, so messages line up.
    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "trace"
        case .debug: return "debug"
        case .info: return "info "
        case .notice: return "note "
        case .warning: return "warn "
        case .error: return "error"
        case .critical: return "crit "
        }
    }

    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0.isNewline }) else { return value }
        let escaped = value.replacingScalar("\\", with: "\\\\")
            .replacingScalar("\"", with: "\\\"").replacingScalar("\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
