#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify). Every call is a no-op when
/// `NOTIFY_SOCKET` is unset (not started by systemd as Type=notify), so it is always safe.
public struct SystemdNotifier: Sendable {
    /// Whether there is a notification socket to talk to.
    public let isEnabled: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isEnabled = !(environment["NOTIFY_SOCKET"] ?? "").isEmpty
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

    private func send(_ lines: [String]) {
        guard isEnabled else { return }
        _ = sd_notify(0, lines.joined(separator: "\n"))
    }

    /// The watchdog interval systemd asked for (`WatchdogSec=`), or nil when there is none.
    /// Ping at half of it.
    public static func watchdogInterval() -> Double? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return Double(usec) / 1_000_000
    }
}
