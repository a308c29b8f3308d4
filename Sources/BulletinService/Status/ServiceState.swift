#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the running daemon knows about itself, kept by `StateFileObserver` from the daemon's
/// events and written as JSON to the state file that `bulletind status` reads
/// (docs/JSON.md, "The state file"). A pure value: `apply(_:at:)` (ServiceState+Events.swift)
/// folds one event into it.
///
/// Counts under `today` are the files this daemon took on the current local day (since it
/// started, when that was later); `today.articles` is the day's whole count, as the status
/// line shows it.
public struct ServiceState: Codable, Sendable, Equatable {
    /// The layout of this file; raised when a key changes meaning.
    public var version = 1
    public var pid: Int32
    /// The process's start time in clock ticks since boot (`/proc/PID/stat`, field 22): with
    /// the pid, it tells the daemon apart from a later process that reuses the pid.
    public var processStart: UInt64?
    /// When the daemon started, and when this state last changed.
    public var since: Date
    public var updated: Date
    /// `starting`, `watching`, `paused` (trouble that concerns every file), `waiting-for-database`
    /// (a shared database does not answer: files wait in the inbox), `stopping`, `stopped`.
    public var phase: Phase
    public var inbox: String
    public var database: String
    public var rules: String
    /// When the configuration and rules in force were read (at start or by the last good reload).
    public var rulesLoaded: Date
    public var lastReload: Reload?
    public var lastBulletin: Bulletin?
    /// The last time a bulletin was stored (not a duplicate, not quarantined).
    public var lastSuccess: Date?
    public var today: Today
    public var quarantine: QuarantineState
    /// Files in the inbox after the daemon's last turn: `queued` to take, `waiting` held back by
    /// their own trouble (each with its reason in `waitingFiles`).
    public var backlog: Backlog
    /// Why taking files is paused, while it is.
    public var paused: Trouble?
    /// While a shared database does not answer: since when (`at`), its `host:port` (`name`) and
    /// why (`message`); kind `database-unreachable`.
    public var databaseUnreachable: Trouble?
    /// Errors of the last hour, oldest first (at most `Self.errorLimit`): a file that must wait,
    /// a pause, the inbox lost, a summary or a reload that failed (until a reload succeeds).
    public var errors: [Trouble]

    public static let errorLimit = 50
    public static let newestQuarantinedLimit = 5

    public enum Phase: String, Codable, Sendable {
        case starting, watching, paused, stopping, stopped
        case waitingForDatabase = "waiting-for-database"
    }

    public struct Reload: Codable, Sendable, Equatable {
        public var at: Date
        public var failed: Bool
        /// Why it failed; the old configuration and rules stay in force.
        public var error: String?
        /// `file:line:column` of the error, when the error names one.
        public var location: String?
    }

    public struct Bulletin: Codable, Sendable, Equatable {
        public var name: String
        /// `stored`, `duplicate`, `stored-earlier` or `quarantined`.
        public var outcome: String
        /// For a quarantined file: `rejected`, `too-large` or `unreadable`, and the reason.
        public var cause: String?
        public var reason: String?
        /// For a stored file: its articles, and how many were new to the archive.
        public var articles: Int?
        public var newArticles: Int?
        public var at: Date
        public var seconds: Double
    }

    public struct Today: Codable, Sendable, Equatable {
        public var date: String
        public var articles: Int
        public var bulletins: Int
        public var duplicates: Int
        public var quarantined: Int
    }

    public struct QuarantineState: Codable, Sendable, Equatable {
        /// Files in the quarantine folder (their `.error` files not counted): counted at start,
        /// then followed.
        public var count: Int
        /// The newest quarantined files, newest first.
        public var newest: [Quarantined]
    }

    public struct Quarantined: Codable, Sendable, Equatable {
        public var name: String
        /// `rejected`, `too-large` or `unreadable`; absent where `bulletind status` read a file
        /// from the quarantine folder that the daemon did not report.
        public var cause: String?
        public var reason: String
        public var at: Date
    }

    public struct Backlog: Codable, Sendable, Equatable {
        public var queued: Int
        public var waiting: Int
        public var waitingFiles: [Trouble]
    }

    public struct Trouble: Codable, Sendable, Equatable {
        public var at: Date
        /// `file-waiting`, `paused`, `database-unreachable`, `inbox-lost`, `summary-failed` or
        /// `reload-failed`.
        public var kind: String
        public var name: String?
        public var message: String
    }

    /// The state of a daemon that is starting: nothing taken yet.
    public init(pid: Int32, processStart: UInt64?, since: Date, inbox: String, database: String, rules: String,
                quarantined: Int, day: String) {
        self.pid = pid
        self.processStart = processStart
        self.since = since
        self.updated = since
        self.phase = .starting
        self.inbox = inbox
        self.database = database
        self.rules = rules
        self.rulesLoaded = since
        self.today = Today(date: day, articles: 0, bulletins: 0, duplicates: 0, quarantined: 0)
        self.quarantine = QuarantineState(count: quarantined, newest: [])
        self.backlog = Backlog(queued: 0, waiting: 0, waitingFiles: [])
        self.errors = []
    }
}

extension ServiceState {
    /// The state file's bytes: pretty JSON, sorted keys, ISO 8601 times in UTC — the bytes
    /// `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes` and
    /// `.iso8601` dates, written by hand (`StateFileJSON`). Throws for a `Double` that is not
    /// finite.
    public func encoded() throws -> Data {
        Data(try StateFileJSON.encode(self))
    }

    /// Reads a state file's bytes (as written by `encoded()`).
    public static func decode(_ data: Data) throws -> ServiceState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ServiceState.self, from: data)
    }
}
