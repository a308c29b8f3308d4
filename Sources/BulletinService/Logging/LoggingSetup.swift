#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Chooses where log messages go, once per process.
public enum LoggingSetup {
    /// Whether standard error is connected to the journal (set by systemd for services).
    public static var underSystemd: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["JOURNAL_STREAM"] != nil || environment["INVOCATION_ID"] != nil
    }

    /// Bootstraps swift-log: `JournalLogHandler` when `JOURNAL_STREAM` is set (under systemd),
    /// `StderrLogHandler` otherwise, both at the level of `LogLevelControl.shared`, set here
    /// to `level` (change it later through `LogLevelControl.shared.level`). Call once, first
    /// thing in `main` (swift-log allows only one bootstrap per process). When started by hand
    /// as root, logs a warning that the service should run as its own user.
    public static func bootstrap(level: Logger.Level = .info) {
        let journal = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil
        LogLevelControl.shared.level = level
        LoggingSystem.bootstrap { label -> any LogHandler in
            if journal { return JournalLogHandler(label: label) }
            return StderrLogHandler(label: label)
        }
        if getuid() == 0 && !underSystemd {
            Logger(label: "bulletind").warning(
                "running as root; bulletind should run as its own user (the 'bulletind' user of the packaged service)")
        }
    }
}
