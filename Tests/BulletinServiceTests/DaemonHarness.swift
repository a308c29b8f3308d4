import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif
import BulletinStore
@testable import BulletinService

/// Runs a real `Daemon` (real inotify, real SQLite store, real pipeline) on temporary folders
/// in a background thread, and records what it logs and which hooks it calls.
final class DaemonHarness: @unchecked Sendable {
    let tmp: TemporaryFolder
    let configuration: Configuration
    let pipeline: Pipeline
    private let lock = NSLock()
    private var _lines: [String] = []
    private var _summaries: [Date] = []
    private var _reloads = 0
    private var _exitCode: Int32?
    private var _failure: String?
    /// Set by `start()`, cleared by `stop()` once the thread is joined.
    private var thread: pthread_t?
    private var daemon: Daemon?
    var reloadResult: @Sendable (Int) throws -> (Configuration, Pipeline)
    /// The daemon's clock, set before `start()`.
    var clock: @Sendable () -> Date = { Date() }

    init(maxFileSize: Int = 10_000) throws {
        tmp = try TemporaryFolder("bulletind-daemon")
        try writeFile(tmp.sub("topics.toml"), """
            [[topic]]
            id = "ports"
            name = "Ports and shipping"
            rule = 'harbour OR shipping'

            """)
        var configuration = Configuration.repositoryDefaults
        configuration.inbox = tmp.sub("inbox")
        configuration.archive = tmp.sub("archive")
        configuration.quarantine = tmp.sub("quarantine")
        configuration.database = tmp.sub("bulletind.sqlite")
        configuration.summaries = tmp.sub("summaries")
        configuration.rules = tmp.sub("topics.toml")
        configuration.calendar = .utc
        configuration.maxFileSize = maxFileSize
        configuration.summaryDebounce = 0.2
        self.configuration = configuration
        pipeline = try Pipeline(configuration: configuration, store: try Store(path: configuration.database))
        let unchanged = (configuration, pipeline)
        reloadResult = { _ in unchanged }
        try Directories.create(configuration.inbox)
    }

    var lines: [String] { lock.withLock { _lines } }
    var summaries: [Date] { lock.withLock { _summaries } }
    var reloads: Int { lock.withLock { _reloads } }
    var exitCode: Int32? { lock.withLock { _exitCode } }
    var failure: String? { lock.withLock { _failure } }

    func logged(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }

    /// Starts the daemon thread and waits until it watches the inbox.
    ///
    /// The daemon keeps its logger and hooks, and the harness keeps the daemon: both point back
    /// weakly, or every harness (with its daemon, pipeline and store) would be a retain cycle
    /// that is never freed. The thread holds the harness until `run()` returns.
    func start() throws -> Bool {
        let logger = Logger(label: "test") { [weak self] _ in CapturingLogHandler(harness: self) }
        let hooks = DaemonHooks(
            publishSummary: { [weak self] day in
                guard let self else { return }
                lock.withLock { _summaries.append(day) }
            },
            reload: { [weak self] in
                guard let self else { throw POSIXFailure(operation: "reload", path: "", code: ECANCELED) }
                let n = lock.withLock { _reloads += 1; return _reloads }
                return try reloadResult(n)
            })
        daemon = try Daemon(configuration: configuration, pipeline: pipeline, logger: logger, hooks: hooks,
                            notifier: SystemdNotifier(environment: [:]), environment: [:], clock: clock)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<DaemonHarness>.fromOpaque(context!).takeRetainedValue().runDaemon()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<DaemonHarness>.fromOpaque(context).release()
            throw POSIXFailure(operation: "pthread_create", path: "", code: created)
        }
        lock.withLock { self.thread = thread }
        return eventually { logged("watching \(configuration.inbox)") || failure != nil } && failure == nil
    }

    /// The daemon thread's body.
    private func runDaemon() {
        Daemon.blockSignals()
        guard let daemon else { return }
        do {
            let code = try daemon.run()
            lock.withLock { _exitCode = code }
        } catch {
            lock.withLock { _failure = "\(error)" }
        }
    }

    /// Sends `signal` to the daemon's thread only (it is blocked there and read by its signalfd).
    func send(_ signal: Int32) {
        if let thread = lock.withLock({ thread }) { pthread_kill(thread, signal) }
    }

    /// Asks the daemon to stop, waits for `run()` to return, joins its thread and lets the
    /// daemon go; true when it returned 0. False (thread left running) when it does not stop.
    func stop() -> Bool {
        daemon?.requestStop()
        guard eventually({ exitCode != nil || failure != nil }),
              let thread = lock.withLock({ self.thread }) else { return false }
        pthread_join(thread, nil)
        lock.withLock { self.thread = nil }
        daemon = nil
        return exitCode == 0
    }

    /// Keeps the daemon's log line for the test's assertions. The lines are echoed to standard
    /// error only with `BULLETIND_TEST_LOG=1`: the errors the tests provoke on purpose (a broken
    /// reload, a quarantine that is not a folder) would otherwise read as faults in `make test`.
    func record(_ line: String) {
        lock.withLock { _lines.append(line) }
        if Self.echo { FileHandle.standardError.write(Data("[daemon test] \(line)\n".utf8)) }
    }

    private static let echo = ProcessInfo.processInfo.environment["BULLETIND_TEST_LOG"] == "1"

    /// Whether the pipeline stores this text (true) or rejects it (false), as the daemon will see it.
    func pipelineAccepts(_ text: String, name: String) -> Bool {
        if case .success = pipeline.analyser.analyse(Data(text.utf8), fileName: name) { return true }
        return false
    }

    func inbox(_ name: String) -> String { "\(configuration.inbox)/\(name)" }
    func quarantined(_ name: String) -> String { "\(configuration.quarantine)/\(name)" }
    func archived(_ name: String, day: Date = Date()) -> String {
        "\(Archive(root: configuration.archive, calendar: .utc).folder(for: day))/\(name)"
    }
}

/// Records every message (with its metadata) the daemon logs.
struct CapturingLogHandler: LogHandler {
    weak var harness: DaemonHarness?
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        harness?.record(StderrLogHandler.format(time: Date(), level: event.level, message: event.message.description,
                                                metadata: merged))
    }
}
