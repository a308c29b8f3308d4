#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a `Daemon` talks to the world outside its folders, with the defaults of the real service.
public struct DaemonOptions: Sendable {
    /// systemd's notify socket (readiness, status, watchdog); inert when not under systemd.
    public var notifier = SystemdNotifier()
    /// The wall clock. A test may shift it (to cross a local midnight quickly) but not slow it.
    public var clock: @Sendable () -> Date = { Date() }
    /// Test-only: called on the daemon's thread with each file's name just before the file is
    /// read. The watchdog test blocks here to wedge the loop (`bulletind run` installs it from
    /// `BULLETIND_TEST_WEDGE`); never set in production.
    public var beforeTaking: (@Sendable (String) -> Void)?
    /// Called on the daemon's thread with the configuration in force: once at start, and after
    /// each reload that put a new one in force (`bulletind run` applies `log_level` with it).
    public var configurationApplied: (@Sendable (Configuration) -> Void)?

    public init() {}
}
