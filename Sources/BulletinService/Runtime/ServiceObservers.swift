#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// The observers `bulletind run` gives the daemon besides logging: the state file that
/// `bulletind status` reads (always), and the metrics file when `metrics_file` is set.
/// `metrics_file` and `metrics_interval` are read at start (a reload does not move the file).
public struct ServiceObservers: Sendable {
    public let state: StateFileObserver
    public let metrics: MetricsObserver?

    public init(configuration: Configuration, logger: Logger,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        state = StateFileObserver(
            path: StateFileLocation.daemonPath(database: configuration.database, inbox: configuration.inbox,
                                               environment: environment),
            inbox: configuration.inbox, quarantine: configuration.quarantine, database: configuration.database,
            rules: configuration.rules, logger: logger)
        metrics = configuration.metricsFile.map { file in
            MetricsObserver(path: file, interval: configuration.metricsInterval, inbox: configuration.inbox,
                            ignore: IgnoreRules(patterns: configuration.ignore), database: configuration.database,
                            logger: logger)
        }
    }

    /// In the order they should hear each event.
    public var all: [any DaemonObserver] {
        [state] + (metrics.map { [$0] } ?? [])
    }

    /// A configuration put in force (at start and by a reload).
    public func use(_ configuration: Configuration) {
        state.use(configuration)
    }
}
