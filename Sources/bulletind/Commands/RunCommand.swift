import ArgumentParser
import Foundation
import Logging
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

    func run() throws {
        // Before any other thread exists, so the signals reach the daemon's signalfd.
        Daemon.blockSignals()
        LoggingSetup.bootstrap()
        let logger = Logger(label: "bulletind")
        let daemon: Daemon
        do {
            daemon = try Daemon(runtime: paths.open(.daemon), observers: [LoggingObserver(logger: logger)],
                                options: Self.options(logger: logger))
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
        withExtendedLifetime(daemon) { Foundation.exit(code) }
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
