#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import CoreMetrics
import Prometheus
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's metrics, counted from its events with swift-metrics (counters, gauges, a timer)
/// into a swift-prometheus registry, and written atomically in Prometheus' text format to
/// `path` every `interval` seconds and at stop (`metrics_file`, `metrics_interval`): made for
/// node_exporter's textfile collector, which reads `*.prom` files (the temporary file of the
/// atomic write is hidden and never read half-written).
///
/// The series (all `bulletind_*`; `MetricsObserver.help` says what each means): bulletins
/// taken by outcome, quarantined files by cause, articles stored, the ingest duration
/// histogram, the inbox backlog and its oldest file's age, the last success, daily summary
/// writes and failures (`daily_report`: promtool refuses a name with `summary` in it), reloads and failed reloads, the database size, the start time.
///
/// What a caller may rely on: `observe` only counts in memory; the inbox and the database file
/// are looked at on the writer's own thread, just before each write. A write that fails is
/// logged once until one succeeds again; the daemon goes on.
public final class MetricsObserver: DaemonObserver {
    public let path: String
    public let registry: PrometheusCollectorRegistry
    private let inbox: String
    private let ignore: IgnoreRules
    private let database: String
    private let logger: Logger
    private let failing = Mutex(false)
    /// The inbox counts of the daemon's last `.backlog`, used when the inbox cannot be listed.
    private let reportedBacklog = Mutex(0)
    private let writer: Mutex<BackgroundWriter?> = Mutex(nil)

    private let stored: CoreMetrics.Counter
    private let duplicates: CoreMetrics.Counter
    private let quarantined: CoreMetrics.Counter
    private let quarantinedBy: [QuarantineCause: CoreMetrics.Counter]
    private let articles: CoreMetrics.Counter
    private let ingestDuration: CoreMetrics.Timer
    private let inboxFiles: CoreMetrics.Gauge
    private let inboxOldestAge: CoreMetrics.Gauge
    private let lastSuccess: CoreMetrics.Gauge
    private let summaryWrites: CoreMetrics.Counter
    private let summaryFailures: CoreMetrics.Counter
    private let reloads: CoreMetrics.Counter
    private let reloadFailures: CoreMetrics.Counter
    private let databaseBytes: CoreMetrics.Gauge
    private let startTime: CoreMetrics.Gauge

    /// Names and `# HELP` texts.
    public static let help: [String: String] = [
        "bulletind_bulletins_total": "Files taken from the inbox, by outcome (stored, duplicate, quarantined).",
        "bulletind_quarantined_total": "Files moved to the quarantine, by cause (rejected, too-large, unreadable).",
        "bulletind_articles_stored_total": "Articles stored that were new to the archive.",
        "bulletind_ingest_duration_seconds": "Time from taking a file out of the queue to its move to the archive or quarantine.",
        "bulletind_inbox_files": "Files waiting in the inbox.",
        "bulletind_inbox_oldest_age_seconds": "Age of the oldest file waiting in the inbox (0 when none waits).",
        "bulletind_last_success_timestamp_seconds": "When a bulletin was last stored (Unix time; 0 before the first).",
        "bulletind_daily_report_writes_total": "Daily summaries written (summaries/YYYY-MM-DD.md and .json).",
        "bulletind_daily_report_failures_total": "Daily summaries that could not be written.",
        "bulletind_reloads_total": "Reloads (SIGHUP) that put new configuration and rules in force.",
        "bulletind_reload_failures_total": "Reloads that failed; the previous configuration and rules stayed in force.",
        "bulletind_database_bytes": "Size of the SQLite database with its write-ahead log (0 while it cannot be seen).",
        "bulletind_start_time_seconds": "When the daemon started (Unix time).",
    ]

    /// The histogram's buckets: a bulletin takes milliseconds; a large one or a busy disk, seconds.
    public static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    public init(path: String, interval: Double, inbox: String, ignore: IgnoreRules, database: String,
                logger: Logger = Logger(label: "bulletind"), now: Date = Date()) {
        self.path = path
        self.inbox = inbox
        self.ignore = ignore
        self.database = database
        self.logger = logger
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        let factory = PrometheusHelpFactory(registry: registry, help: Self.help, durationBuckets: Self.durationBuckets)
        func counter(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Counter {
            CoreMetrics.Counter(label: name, dimensions: dimensions, factory: factory)
        }
        func gauge(_ name: String) -> CoreMetrics.Gauge {
            CoreMetrics.Gauge(label: name, factory: factory)
        }
        // Every label value is created at once, so each series is there (at 0) from the start.
        stored = counter("bulletind_bulletins_total", [("outcome", "stored")])
        duplicates = counter("bulletind_bulletins_total", [("outcome", "duplicate")])
        quarantined = counter("bulletind_bulletins_total", [("outcome", "quarantined")])
        var byCause: [QuarantineCause: CoreMetrics.Counter] = [:]
        for cause in [QuarantineCause.rejected, .tooLarge, .unreadable] {
            byCause[cause] = counter("bulletind_quarantined_total", [("cause", cause.rawValue)])
        }
        quarantinedBy = byCause
        articles = counter("bulletind_articles_stored_total")
        ingestDuration = CoreMetrics.Timer(label: "bulletind_ingest_duration_seconds", factory: factory)
        inboxFiles = gauge("bulletind_inbox_files")
        inboxOldestAge = gauge("bulletind_inbox_oldest_age_seconds")
        lastSuccess = gauge("bulletind_last_success_timestamp_seconds")
        summaryWrites = counter("bulletind_daily_report_writes_total")
        summaryFailures = counter("bulletind_daily_report_failures_total")
        reloads = counter("bulletind_reloads_total")
        reloadFailures = counter("bulletind_reload_failures_total")
        databaseBytes = gauge("bulletind_database_bytes")
        startTime = gauge("bulletind_start_time_seconds")
        startTime.record(now.timeIntervalSince1970)
        lastSuccess.record(0)
        let background = BackgroundWriter(interval: interval, periodic: true) { [weak self] in self?.write() }
        writer.withLock { $0 = background }
    }

    deinit {
        writer.withLock { $0?.stop() }
    }

    public func observe(_ event: DaemonEvent, at time: Date) {
        switch event {
        case let .filed(file):
            ingestDuration.recordNanoseconds(Int64((file.duration * 1e9).rounded()))
            switch file.outcome {
            case let .stored(_, newArticles, _):
                stored.increment()
                articles.increment(by: Int64(newArticles))
                lastSuccess.record(time.timeIntervalSince1970)
            case .duplicate:
                duplicates.increment()
            case .storedEarlier:
                break
            case let .quarantined(cause, _):
                quarantined.increment()
                quarantinedBy[cause]?.increment()
            }
        case .summaryWritten:
            summaryWrites.increment()
        case .summaryFailed:
            summaryFailures.increment()
        case .reloaded:
            reloads.increment()
        case .reloadFailed:
            reloadFailures.increment()
        case let .backlog(queued, waiting):
            reportedBacklog.withLock { $0 = queued + waiting }
        case let .started(_, queued):
            reportedBacklog.withLock { $0 = queued }
        case .stopped:
            let background = writer.withLock { $0 }
            background?.flush()
            background?.stop()
        default:
            break
        }
    }

    /// Measures the inbox and the database and writes the file now, on the caller's thread
    /// (after a write in progress).
    public func flush() {
        writer.withLock { $0 }?.flush()
    }

    private func write() {
        let now = Date()
        if let backlog = try? InboxBacklog.measure(inbox, ignore: ignore) {
            inboxFiles.record(backlog.files)
            inboxOldestAge.record(backlog.oldestAge(at: now))
        } else {
            inboxFiles.record(reportedBacklog.withLock { $0 })
        }
        if let bytes = DatabaseSize.bytes(of: database) { databaseBytes.record(bytes) }
        do {
            try AtomicFile.write(Data(registry.emitToBuffer()), to: path, permissions: 0o644)
            failing.withLock { $0 = false }
        } catch {
            let first = failing.withLock { old in
                defer { old = true }
                return !old
            }
            if first { logger.warning("cannot write the metrics file \(path): \(error)") }
        }
    }
}
