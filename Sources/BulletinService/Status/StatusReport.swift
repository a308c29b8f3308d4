#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `bulletind status` says: the daemon's state file joined with what the command sees for
/// itself (the inbox, the quarantine, the database file, whether the process runs), and the
/// verdict with its reasons. `--json` prints it as it is (docs/JSON.md, `status --json`).
///
/// The verdict (`health`, and the exit status):
/// - `not-running` (exit 3): no state file for this database, the state says stopped, or its
///   process is gone;
/// - `degraded` (exit 1): the oldest file in the inbox has waited longer than
///   `maxBacklogAge`, taking files is paused, a shared database does not answer (the daemon
///   waits for it), the last reload failed (the old configuration is in force), or an error
///   happened in the last hour;
/// - `healthy` (exit 0) otherwise.
public struct StatusReport: Encodable, Sendable, Equatable {
    public enum Health: String, Encodable, Sendable {
        case healthy, degraded
        case notRunning = "not-running"

        /// 0, 1 or 3, as LSB init scripts' `status` and monitoring plugins read them.
        public var exitCode: Int32 {
            switch self {
            case .healthy: return 0
            case .degraded: return 1
            case .notRunning: return 3
            }
        }
    }

    public struct Inbox: Encodable, Sendable, Equatable {
        public var path: String
        /// Files waiting, as listed by this command (or, when it may not list the inbox, as the
        /// daemon last counted them).
        public var files: Int
        /// Seconds the oldest file has waited; absent when none waits or the inbox could not
        /// be listed.
        public var oldestAgeSeconds: Double?
        /// Files held back by trouble of their own, with the reason.
        public var waiting: [ServiceState.Trouble]
    }

    public struct QuarantineSummary: Encodable, Sendable, Equatable {
        public var path: String
        public var count: Int?
        public var newest: [ServiceState.Quarantined]
    }

    public struct Database: Encodable, Sendable, Equatable {
        public var path: String
        /// The file with its `-wal`; absent when it cannot be seen.
        public var bytes: Int64?
        /// While the daemon waits for a shared database that does not answer: since when, its
        /// `host:port` and why (the daemon's `ServiceState.databaseUnreachable`).
        public var unreachable: ServiceState.Trouble?
    }

    public struct Rules: Encodable, Sendable, Equatable {
        public var path: String
        public var loaded: Date?
        public var lastReload: ServiceState.Reload?
    }

    public struct Errors: Encodable, Sendable, Equatable {
        public var lastHour: Int
        /// The last hour's errors, newest first (at most 10).
        public var recent: [ServiceState.Trouble]
    }

    public var health: Health
    /// Why it is not healthy, one sentence each.
    public var problems: [String]
    public var running: Bool
    public var pid: Int32?
    public var since: Date?
    public var phase: String?
    public var stateFile: String?
    public var stateUpdated: Date?
    public var inbox: Inbox
    public var lastBulletin: ServiceState.Bulletin?
    public var lastSuccess: Date?
    public var today: ServiceState.Today?
    public var quarantine: QuarantineSummary
    public var database: Database
    public var rules: Rules
    public var errors: Errors

    /// What the command saw for itself; each part is nil when it could not be seen.
    public struct Observations: Sendable {
        public var inbox: String
        public var quarantine: String
        public var database: String
        public var rules: String
        public var backlog: InboxBacklog?
        public var quarantineListing: QuarantineListing?
        public var databaseBytes: Int64?
        public var stateFile: String?
        public var state: ServiceState?
        public var alive: Bool

        public init(inbox: String, quarantine: String, database: String, rules: String, backlog: InboxBacklog?,
                    quarantineListing: QuarantineListing?, databaseBytes: Int64?, stateFile: String?,
                    state: ServiceState?, alive: Bool) {
            self.inbox = inbox
            self.quarantine = quarantine
            self.database = database
            self.rules = rules
            self.backlog = backlog
            self.quarantineListing = quarantineListing
            self.databaseBytes = databaseBytes
            self.stateFile = stateFile
            self.state = state
            self.alive = alive
        }
    }

    /// The report and its verdict (pure: `now` and the observations in, the report out).
    public static func make(_ seen: Observations, now: Date, maxBacklogAge: Double) -> StatusReport {
        let state = seen.state
        let running = state != nil && state?.phase != .stopped && seen.alive
        let recent = (state?.errors ?? []).filter { now.timeIntervalSince($0.at) <= ServiceState.errorWindow }
        let age = seen.backlog?.oldest.map { max(0, now.timeIntervalSince($0)) }
        var quarantined = (state?.quarantine.newest ?? [])
        if let listing = seen.quarantineListing {
            // The folder's newest, with the cause the daemon recorded where it knows it.
            quarantined = listing.newest.map { entry in
                let known = quarantined.first { $0.name == entry.name }
                return ServiceState.Quarantined(name: entry.name, cause: known?.cause, reason: entry.reason, at: entry.at)
            }
        }
        var report = StatusReport(
            health: .healthy, problems: [], running: running, pid: state?.pid, since: state?.since,
            phase: state?.phase.rawValue, stateFile: seen.stateFile, stateUpdated: state?.updated,
            inbox: Inbox(path: seen.inbox, files: seen.backlog?.files ?? state.map { $0.backlog.queued + $0.backlog.waiting } ?? 0,
                         oldestAgeSeconds: age, waiting: running ? (state?.backlog.waitingFiles ?? []) : []),
            lastBulletin: state?.lastBulletin, lastSuccess: state?.lastSuccess, today: state?.today,
            quarantine: QuarantineSummary(path: seen.quarantine, count: seen.quarantineListing?.count ?? state?.quarantine.count,
                                          newest: quarantined),
            database: Database(path: seen.database, bytes: seen.databaseBytes,
                               unreachable: running ? state?.databaseUnreachable : nil),
            rules: Rules(path: state?.rules ?? seen.rules, loaded: state?.rulesLoaded, lastReload: state?.lastReload),
            errors: Errors(lastHour: recent.count, recent: Array(recent.reversed().prefix(10))))
        guard running, let state else {
            report.health = .notRunning
            if let state, state.phase == .stopped {
                report.problems = ["bulletind is not running: it stopped at \(Self.time(state.updated))"]
            } else if let state {
                report.problems = ["bulletind is not running: process \(state.pid) is gone (last state \(Self.time(state.updated)))"]
            } else {
                report.problems = ["bulletind is not running: no state file for the database \(seen.database)"]
            }
            return report
        }
        if let age, age > maxBacklogAge {
            report.problems.append("the oldest file in the inbox has waited \(Self.duration(age)), more than \(Self.duration(maxBacklogAge))")
        }
        if let paused = state.paused {
            report.problems.append("taking files is paused: \(paused.message)")
        }
        if let unreachable = state.databaseUnreachable {
            report.problems.append("waiting for database \(unreachable.name ?? seen.database) since \(Self.time(unreachable.at)) (\(Self.duration(max(0, now.timeIntervalSince(unreachable.at))))); files wait in the inbox: \(unreachable.message)")
        }
        if let reload = state.lastReload, reload.failed {
            report.problems.append("the last reload failed, the previous configuration and rules are in force: \(reload.error ?? "")")
        }
        if !recent.isEmpty {
            report.problems.append("\(recent.count) error\(recent.count == 1 ? "" : "s") in the last hour, the newest: \(recent.last!.message)")
        }
        report.health = report.problems.isEmpty ? .healthy : .degraded
        return report
    }

    /// `2026-12-02T03:10:00Z`.
    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86_400 { return s % 3600 / 60 == 0 ? "\(s / 3600) h" : "\(s / 3600) h \(s % 3600 / 60) min" }
        return s % 86_400 / 3600 == 0 ? "\(s / 86_400) d" : "\(s / 86_400) d \(s % 86_400 / 3600) h"
    }
}
