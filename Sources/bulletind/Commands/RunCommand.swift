import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
#if canImport(Glibc)
import Glibc
#endif
import BulletinService

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inbox and ingest every bulletin dropped into it (the daemon; runs in the foreground).",
        discussion: """
        Under systemd it logs to the journal with structured fields and speaks the notify \
        protocol (READY, STATUS, WATCHDOG, RELOADING, STOPPING); by hand it logs readable lines \
        to standard error. SIGHUP re-reads the configuration and the rules (a file with errors \
        keeps the old ones); SIGTERM or Ctrl-C finishes the file in progress, writes the summary \
        and exits 0.
        """
    )

    @OptionGroup var paths: PathOptions

    @Flag(name: .shortAndLong, help: "Log debug messages too (wins over log_level).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only warnings and errors (wins over log_level).")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }

    func run() throws {
        // A database server this binary holds no backend for (the lean bulletind and a
        // postgresql:// database): hand the process over to the binary that holds it now, before
        // signals are blocked, logging is set up or any thread exists. execv keeps the PID, so
        // systemd's main process, notify socket and watchdog stay this one. When that fails,
        // opening the runtime below fails the same way and logs why.
        if let database = try? paths.load().database {
            _ = try? ArchiveServerBackends.backend(for: database, setting: "the database setting")
        }
        // Before any other thread exists, so the signals reach the daemon's signalfd.
        Daemon.blockSignals()
        MallocArenas.limitToCores()
        // The command line's level, else log_level of the configuration in force (at start and
        // at each reload).
        let fixedLevel: Logger.Level? = verbose ? .debug : quiet ? .warning : nil
        LoggingSetup.bootstrap(level: fixedLevel ?? .info)
        let logger = Logger(label: "bulletind")
        let daemon: Daemon
        do {
            let runtime = try paths.open(.daemon)
            let observers = ServiceObservers(configuration: runtime.configuration, logger: logger)
            var options = Self.options(logger: logger)
            options.configurationApplied = { configuration in
                if fixedLevel == nil { LogLevelControl.shared.level = configuration.logLevel }
                observers.use(configuration)
            }
            daemon = try Daemon(runtime: runtime, observers: [LoggingObserver(logger: logger)] + observers.all,
                                options: options)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
        let code = try daemon.run()
        // Exits with the daemon (and its store) still alive. Tearing them down would close the
        // database connections, and disposing of a connection's dispatch queue starts
        // libdispatch worker threads, which libdispatch renices (setpriority(2)): under the
        // unit's system-call filter each attempt logged "Failed to set thread priority for
        // worker thread … errno=1". Every commit is durable already; nothing is left to flush.
        withExtendedLifetime(daemon) { Glibc.exit(code) }
    }

    /// The service's options, and the test-only wedge: with `BULLETIND_TEST_WEDGE=NAME` in the
    /// environment, taking a file of that name blocks the loop forever, so the systemd test can
    /// check that the watchdog restarts a wedged service. Never set it in production.
    static func options(logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) -> DaemonOptions {
        var options = DaemonOptions()
        if let wedge = environment["BULLETIND_TEST_WEDGE"], !wedge.isEmpty {
            options.beforeTaking = { name in
                guard name == wedge else { return }
                logger.critical("BULLETIND_TEST_WEDGE: blocking forever on \(name) (test-only)")
                while true { sleep(3600) }
            }
        }
        return options
    }
}
