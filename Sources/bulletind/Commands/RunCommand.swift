import ArgumentParser
import Foundation
import Logging
import BulletinService
import BulletinStore

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
        let explicitConfig = paths.config
        let overrides = paths.overrides
        // `previous`: the store in force; a reload keeps it while the database stays the same.
        let load: @Sendable (Store?) throws -> (Configuration, Store, Pipeline) = { previous in
            let configuration = try ConfigurationLoader.load(explicitPath: explicitConfig, overrides: overrides)
            // The daemon's commits never wait for a checkpoint (latency of a single bulletin).
            // Not reopened on a reload: closing its connections would dispose of their dispatch
            // queues, which starts libdispatch worker threads (see the end of `run`).
            let store = try previous.flatMap { $0.path == configuration.database ? $0 : nil }
                ?? Store(path: configuration.database, checkpointsInBackground: true)
            return (configuration, store, try Pipeline(configuration: configuration, store: store))
        }
        let (configuration, store, pipeline): (Configuration, Store, Pipeline)
        do {
            (configuration, store, pipeline) = try load(nil)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
        let current = CurrentSettings(configuration: configuration, store: store)
        let hooks = DaemonHooks(
            publishSummary: { day in
                let (configuration, store) = current.value
                try SummaryPublisher(store: store, folder: configuration.summaries,
                                     calendar: configuration.calendar).publish(day: day)
            },
            reload: {
                let (configuration, store, pipeline) = try load(current.value.1)
                current.value = (configuration, store)
                return (configuration, pipeline)
            }
        )
        let daemon: Daemon
        do {
            daemon = try Daemon(configuration: configuration, pipeline: pipeline, logger: logger, hooks: hooks)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
        let code = try daemon.run()
        // Exits with the store, pipeline and daemon still alive. Tearing them down would close
        // the database connections, and disposing of a connection's dispatch queue starts
        // libdispatch worker threads, which libdispatch renices (setpriority(2)): under the
        // unit's system-call filter each attempt logged "Failed to set thread priority for
        // worker thread … errno=1". Every commit is durable already; nothing is left to flush.
        withExtendedLifetime((current, daemon)) { Foundation.exit(code) }
    }
}

/// The configuration and store in force, swapped by a reload and read by the summary hook.
final class CurrentSettings: @unchecked Sendable {
    private let lock = NSLock()
    private var settings: (Configuration, Store)

    init(configuration: Configuration, store: Store) {
        settings = (configuration, store)
    }

    var value: (Configuration, Store) {
        get { lock.withLock { settings } }
        set { lock.withLock { settings = newValue } }
    }
}
