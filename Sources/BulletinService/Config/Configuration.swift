import Foundation
import BulletinSplitter
import BulletinStories

/// Everything bulletind is told by bulletind.toml and the command line. Paths are absolute
/// once loaded (see `ConfigurationLoader.load` for what a relative path is relative to).
public struct Configuration: Sendable, Equatable {
    public var inbox: String
    public var archive: String
    public var quarantine: String
    public var database: String
    public var summaries: String
    public var rules: String
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
    /// How alike a new article must be to an earlier story to join it (`story_threshold`,
    /// `StoryMatcher.threshold`; docs/STORIES.md).
    public var storyThreshold: Double = StoryMatcher.defaultThreshold

    public init(inbox: String, archive: String, quarantine: String, database: String, summaries: String,
                rules: String, calendar: LocalCalendar, maxFileSize: Int, rescanInterval: Double,
                summaryDebounce: Double, ignore: [String], splitter: SplitterConfig) {
        self.inbox = inbox
        self.archive = archive
        self.quarantine = quarantine
        self.database = database
        self.summaries = summaries
        self.rules = rules
        self.calendar = calendar
        self.maxFileSize = maxFileSize
        self.rescanInterval = rescanInterval
        self.summaryDebounce = summaryDebounce
        self.ignore = ignore
        self.splitter = splitter
    }

    /// The defaults when run from the repository: ./Inbox, state under ./var/.
    public static let repositoryDefaults = Configuration(
        inbox: "Inbox", archive: "var/archive", quarantine: "var/quarantine",
        database: "var/bulletind.sqlite", summaries: "var/summaries", rules: "Config/topics.toml",
        calendar: .machine, maxFileSize: 20 * 1024 * 1024, rescanInterval: 60,
        summaryDebounce: 1, ignore: [".*", "*~", "*.tmp", "*.part", "*.swp"], splitter: .default
    )
}
