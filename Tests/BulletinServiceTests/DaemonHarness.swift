import Foundation
#if canImport(Glibc)
import Glibc
#endif
import BulletinStore
@testable import BulletinService

/// Runs a real `Daemon` (real inotify, real SQLite store, real pipeline, a real configuration
/// file read by `ServiceRuntime`) on temporary folders in a background thread, and records the
/// events it reports (`EventRecorder`).
final class DaemonHarness: @unchecked Sendable {
    let tmp: TemporaryFolder
    let configuration: Configuration
    /// A pipeline on the daemon's database, for a test's own reads and writes.
    let pipeline: Pipeline
    let recorder = EventRecorder()
    /// bulletind.toml, which a reload (SIGHUP) reads again.
    let configurationFile: String
    private let lock = NSLock()
    private var _exitCode: Int32?
    private var _failure: String?
    /// Set by `start()`, cleared by `stop()` once the thread is joined.
    private var thread: pthread_t?
    private var daemon: Daemon?
    private var stopHandle: StopHandle?
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
        configurationFile = tmp.sub("bulletind.toml")
        try writeFile(configurationFile, Self.configurationText(maxFileSize: maxFileSize))
        let runtime = try ServiceRuntime.open(.file(explicitPath: configurationFile, overrides: [:], environment: [:]),
                                              access: .create)
        configuration = runtime.configuration
        pipeline = try runtime.pipeline()
        try Directories.create(configuration.inbox)
    }

    /// The configuration file's text; `extra` lines are appended (e.g. an `ignore` list).
    static func configurationText(maxFileSize: Int, extra: String = "") -> String {
        """
        inbox = "inbox"
        archive = "archive"
        quarantine = "quarantine"
        database = "bulletind.sqlite"
        summaries = "summaries"
        rules = "topics.toml"
        time_zone = "UTC"
        max_file_size = \(maxFileSize)
        summary_debounce = 0.2
        \(extra)
        """
    }

    var source: ConfigurationSource { .file(explicitPath: configurationFile, overrides: [:], environment: [:]) }

    var events: [DaemonEvent] { recorder.events }
    var exitCode: Int32? { lock.withLock { _exitCode } }
    var failure: String? { lock.withLock { _failure } }

    /// Starts the daemon thread and waits until it watches the inbox.
    ///
    /// The thread holds the harness until `run()` returns.
    func start() throws -> Bool {
        var options = DaemonOptions()
        options.notifier = SystemdNotifier(environment: [:])
        options.clock = clock
        let daemon = try Daemon(runtime: ServiceRuntime.open(source, access: .daemon), observers: [recorder], options: options)
        self.daemon = daemon
        stopHandle = daemon.stopHandle
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
        let inbox = configuration.inbox
        return eventually { recorder.saw { if case .started(inbox, _) = $0 { true } else { false } } || failure != nil }
            && failure == nil
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
        stopHandle?.stop()
        guard eventually({ exitCode != nil || failure != nil }),
              let thread = lock.withLock({ self.thread }) else { return false }
        pthread_join(thread, nil)
        lock.withLock { self.thread = nil }
        daemon = nil
        return exitCode == 0
    }

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
