#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import BulletinSplitter
import BulletinStories

/// Everything bulletind is told by bulletind.toml and the command line, with its defaults
/// (`defaults`). The paths are absolute once loaded (see `ConfigurationLoader.load` for what a
/// relative path is relative to) and read by name: `configuration.inbox` is
/// `configuration.paths.inbox`.
@dynamicMemberLookup
public struct Configuration: Sendable, Equatable {
    public var paths: ServicePaths
    /// The days of "today", the summaries and the archive folders: the `time_zone` key,
    /// resolved when read (an unknown zone is an error at load, never a silent fallback).
    public var calendar: LocalCalendar
    /// Files larger than this many bytes are quarantined without being read.
    public var maxFileSize: Int
    /// Seconds between safety-net rescans of the inbox.
    public var rescanInterval: Double
    /// Seconds of quiet after the last ingest before the day's summary is rewritten.
    public var summaryDebounce: Double
    /// Glob patterns of inbox names that are never taken (hidden and temporary files).
    public var ignore: [String]
    /// The publisher's layout.
    public var splitter: SplitterConfig
    /// The least severe message logged (`log_level`); `run --verbose` and `--quiet` win over it.
    public var logLevel: Logger.Level = .info
    /// Where the Prometheus metrics are written (`metrics_file`); nil: not written.
    public var metricsFile: String?
    /// Seconds between writes of `metricsFile` (`metrics_interval`).
    public var metricsInterval: Double = 15
    /// The summaries' formats and trend window (`summary_formats`, `trend_window`).
    public var summary: SummaryOptions = .default
    /// How alike a new article must be to an earlier story to join it (`story_threshold`,
    /// `StoryMatcher.threshold`; docs/STORIES.md).
    public var storyThreshold: Double = StoryMatcher.defaultThreshold

    public init(paths: ServicePaths, calendar: LocalCalendar, maxFileSize: Int, rescanInterval: Double,
                summaryDebounce: Double, ignore: [String], splitter: SplitterConfig) {
        self.paths = paths
        self.calendar = calendar
        self.maxFileSize = maxFileSize
        self.rescanInterval = rescanInterval
        self.summaryDebounce = summaryDebounce
        self.ignore = ignore
        self.splitter = splitter
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ServicePaths, Value>) -> Value {
        get { paths[keyPath: keyPath] }
        set { paths[keyPath: keyPath] = newValue }
    }

    /// Every default, written once: what a configuration file leaves out, and everything when
    /// there is no file (run from the repository: ./Inbox, state under ./var/).
    public static let repositoryDefaults = Configuration(
        paths: .repositoryDefaults, calendar: .machine, maxFileSize: 20 * 1024 * 1024, rescanInterval: 60,
        summaryDebounce: 1, ignore: [".*", "*~", "*.tmp", "*.part", "*.swp"], splitter: .default
    )
}
