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
    private var _thread: pthread_t?
    private var daemon: Daemon?
    var reloadResult: @Sendable (Int) throws -> (Configuration, Pipeline)

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
        configuration.timeZone = "UTC"
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
    func start() throws -> Bool {
        let logger = Logger(label: "test") { _ in CapturingLogHandler(harness: self) }
        let hooks = DaemonHooks(
            publishSummary: { [self] day in lock.withLock { _summaries.append(day) } },
            reload: { [self] in
                let n = lock.withLock { _reloads += 1; return _reloads }
                return try reloadResult(n)
            })
        let daemon = try Daemon(configuration: configuration, pipeline: pipeline, logger: logger, hooks: hooks,
                                notifier: SystemdNotifier(environment: [:]), environment: [:])
        self.daemon = daemon
        let thread = Thread { [self] in
            Daemon.blockSignals()
            lock.withLock { _thread = pthread_self() }
            do {
                let code = try daemon.run()
                lock.withLock { _exitCode = code }
            } catch {
                lock.withLock { _failure = "\(error)" }
            }
        }
        thread.start()
        return eventually { logged("watching \(configuration.inbox)") || failure != nil } && failure == nil
    }

    /// Sends `signal` to the daemon's thread only (it is blocked there and read by its signalfd).
    func send(_ signal: Int32) {
        if let thread = lock.withLock({ _thread }) { pthread_kill(thread, signal) }
    }

    /// Asks the daemon to stop and waits for it; true when it returned 0.
    func stop() -> Bool {
        daemon?.requestStop()
        return eventually { exitCode != nil || failure != nil } && exitCode == 0
    }

    func record(_ line: String) {
        lock.withLock { _lines.append(line) }
        FileHandle.standardError.write(Data("[daemon test] \(line)\n".utf8))
    }

    /// Whether the pipeline stores this text (true) or rejects it (false), as the daemon will see it.
    func pipelineAccepts(_ text: String, name: String) -> Bool {
        if case .success = pipeline.analyser.analyse(Data(text.utf8), fileName: name) { return true }
        return false
    }

    func inbox(_ name: String) -> String { "\(configuration.inbox)/\(name)" }
    func quarantined(_ name: String) -> String { "\(configuration.quarantine)/\(name)" }
    func archived(_ name: String, day: Date = Date()) -> String {
        "\(Archive(root: configuration.archive, timeZone: TimeZone(identifier: "UTC")!).folder(for: day))/\(name)"
    }
}

/// Records every message (with its metadata) the daemon logs.
struct CapturingLogHandler: LogHandler {
    let harness: DaemonHarness
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        harness.record(StderrLogHandler.format(time: Date(), level: event.level, message: event.message.description,
                                               metadata: merged))
    }
}
