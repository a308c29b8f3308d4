#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the service is doing: the `sd_notify` protocol, one datagram of
/// `NAME=value` lines to the socket named by `NOTIFY_SOCKET` (an absolute path or `@` and an
/// abstract name). Every call is a no-op when `NOTIFY_SOCKET` is unset (not started by systemd
/// as Type=notify), so it is always safe; a failed send is ignored, as `sd_notify`'s caller did.
public struct SystemdNotifier: Sendable {
    /// Whether there is a notification socket to talk to.
    public var isEnabled: Bool { socketPath != nil }
    /// `NOTIFY_SOCKET`, nil when unset or empty.
    let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Start-up finished (folders made, inbox watched, catch-up queued), or a reload finished.
    public func ready(status: String? = nil) {
        send(["READY=1"] + (status.map { [Self.statusAssignment($0)] } ?? []))
    }

    /// A reload (SIGHUP) has begun; systemd 252 takes a plain `RELOADING=1`.
    public func reloading() { send(["RELOADING=1"]) }

    /// Shutting down.
    public func stopping() { send(["STOPPING=1"]) }

    /// One line for `systemctl status`, e.g. `watching /var/lib/bulletind/inbox · 1,234 articles today`.
    public func status(_ text: String) {
        send([Self.statusAssignment(text)])
    }

    /// Keeps the watchdog from restarting the service. Only call from real progress.
    public func watchdogPing() { send(["WATCHDOG=1"]) }

    /// `STATUS=` with the text on one line: a newline would end the assignment.
    static func statusAssignment(_ text: String) -> String {
        "STATUS=" + text.split(whereSeparator: \.isNewline).joined(separator: "; ")
    }

    /// Sends the lines as one datagram; returns 0 or the errno (nothing is sent when disabled).
    @discardableResult
    func send(_ lines: [String]) -> Int32 {
        guard let socketPath else { return 0 }
        let socket = UnixDatagram.openSocket()
        guard socket >= 0 else { return errno }
        defer { close(socket) }
        return UnixDatagram.send(Array(lines.joined(separator: "\n").utf8), from: socket, to: socketPath)
    }

    /// The watchdog interval systemd asked for (`WatchdogSec=`: `WATCHDOG_USEC`, for this process
    /// when `WATCHDOG_PID` names it or is unset), or nil when there is none. Ping at half of it.
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        return Double(usec) / 1_000_000
    }
}
