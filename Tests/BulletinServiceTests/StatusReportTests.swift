import Foundation
import Testing
@testable import BulletinService

/// `bulletind status`'s verdict and report from its observations (pure), and the probe on real
/// folders.
@Suite struct StatusReportTests {
    let now = Date(timeIntervalSince1970: 1_795_937_400)

    func running(_ edit: (inout ServiceState) -> Void = { _ in }) -> ServiceState {
        var state = ServiceState(pid: 812, processStart: nil, since: now.addingTimeInterval(-7500), inbox: "/in",
                                 database: "/db", rules: "/topics.toml", quarantined: 0, day: "2026-11-29")
        state.apply(.started(inbox: "/in", queued: 0), at: now.addingTimeInterval(-7500))
        edit(&state)
        return state
    }

    func seen(_ state: ServiceState?, alive: Bool = true, oldest: Double? = nil, files: Int = 0) -> StatusReport.Observations {
        StatusReport.Observations(
            inbox: "/in", quarantine: "/q", database: "/db", rules: "/topics.toml",
            backlog: InboxBacklog(files: files, oldest: oldest.map { now.addingTimeInterval(-$0) }),
            quarantineListing: nil, databaseBytes: 1_400_000, stateFile: "/run/bulletind/state.json", state: state, alive: alive)
    }

    @Test func aQuietRunningDaemonIsHealthy() {
        let report = StatusReport.make(seen(running(), oldest: 30, files: 2), now: now, maxBacklogAge: 600)
        #expect(report.health == .healthy)
        #expect(report.health.exitCode == 0)
        #expect(report.problems.isEmpty)
        #expect(report.inbox.files == 2)
        #expect(report.inbox.oldestAgeSeconds == 30)
        let text = report.text(now: now)
        #expect(text.hasPrefix("bulletind: running, pid 812, since 2026-11-29T05:25:00Z (2 h 5 min) · healthy\n"))
        #expect(text.contains("inbox: /in · 2 files waiting, the oldest for 30 s"))
        #expect(text.contains("database: /db · 1.4 MB"))
    }

    /// A daemon waiting for its shared database: degraded, with since when and why, in the JSON
    /// (`database.unreachable`) and the text.
    @Test func waitingForTheDatabaseIsDegraded() {
        let report = StatusReport.make(seen(running {
            $0.apply(.databaseUnreachable(address: "db.example:5432", reason: "connection refused", retryIn: 0.5),
                     at: now.addingTimeInterval(-90))
        }, oldest: 80, files: 4), now: now, maxBacklogAge: 600)
        #expect(report.health == .degraded)
        #expect(report.phase == "waiting-for-database")
        #expect(report.database.unreachable?.name == "db.example:5432")
        #expect(report.problems.first == "waiting for database db.example:5432 since 2026-11-29T07:28:30Z (1 min); files wait in the inbox: connection refused")
        #expect(report.text(now: now).contains("database: /db · 1.4 MB · WAITING for db.example:5432 since 2026-11-29T07:28:30Z (1 min ago)"))
    }

    @Test func eachRuleOfDegradedHasItsReason() {
        let old = StatusReport.make(seen(running(), oldest: 900, files: 1), now: now, maxBacklogAge: 600)
        #expect(old.health == .degraded)
        #expect(old.problems == ["the oldest file in the inbox has waited 15 min, more than 10 min"])

        let reload = StatusReport.make(seen(running {
            $0.apply(.reloadFailed(reason: "/etc/topics.toml:4:13: dangling operator"), at: now.addingTimeInterval(-5000))
        }), now: now, maxBacklogAge: 600)
        #expect(reload.health == .degraded)
        // The error itself is older than an hour; the failed reload still counts until a good one.
        #expect(reload.problems == ["the last reload failed, the previous configuration and rules are in force: /etc/topics.toml:4:13: dangling operator"])
        #expect(reload.rules.lastReload?.location == "/etc/topics.toml:4:13")
        #expect(reload.health.exitCode == 1)

        let errors = StatusReport.make(seen(running {
            $0.apply(.summaryFailed(LocalDay(year: 2026, month: 11, day: 29), reason: "No space left on device"), at: now.addingTimeInterval(-60))
        }), now: now, maxBacklogAge: 600)
        #expect(errors.problems == ["1 error in the last hour, the newest: No space left on device"])
        #expect(errors.errors.lastHour == 1)

        let paused = StatusReport.make(seen(running {
            $0.apply(.paused(name: "a.txt", reason: "database is locked", delay: 4), at: now.addingTimeInterval(-2))
        }), now: now, maxBacklogAge: 600)
        #expect(paused.problems.first == "taking files is paused: database is locked")
        #expect(paused.text(now: now).contains("  ! taking files is paused: database is locked"))
    }

    @Test func anErrorOlderThanAnHourNoLongerCounts() {
        let state = running { $0.apply(.summaryFailed(LocalDay(year: 2026, month: 11, day: 29), reason: "full"), at: now.addingTimeInterval(-3700)) }
        // The state file was written when the error was fresh; status judges it at `now`.
        #expect(state.errors.count == 1)
        #expect(StatusReport.make(seen(state), now: now, maxBacklogAge: 600).health == .healthy)
    }

    @Test func notRunningHasThreeShapes() {
        let none = StatusReport.make(seen(nil, alive: false), now: now, maxBacklogAge: 600)
        #expect(none.health == .notRunning)
        #expect(none.health.exitCode == 3)
        #expect(none.problems == ["bulletind is not running: no state file for the database /db"])
        let stopped = StatusReport.make(seen(running { $0.apply(.stopped, at: now.addingTimeInterval(-10)) }), now: now, maxBacklogAge: 600)
        #expect(stopped.problems == ["bulletind is not running: it stopped at 2026-11-29T07:29:50Z"])
        let gone = StatusReport.make(seen(running(), alive: false), now: now, maxBacklogAge: 600)
        #expect(gone.health == .notRunning)
        #expect(gone.problems.first?.hasPrefix("bulletind is not running: process 812 is gone") == true)
        #expect(gone.text(now: now).hasPrefix("bulletind: not running\n"))
    }

    @Test func theProbeFindsTheStateBesideTheDatabaseAndSeesTheFolders() throws {
        let folder = try TemporaryFolder("status-probe")
        defer { folder.remove() }
        let inbox = try folder.folder("inbox"), quarantine = try folder.folder("quarantine")
        let database = folder.sub("bulletind.sqlite")
        try writeFile(database, String(repeating: "x", count: 4096))
        try writeFile("\(inbox)/waiting.txt", "a bulletin")
        try writeFile("\(inbox)/.hidden.tmp", "ignored")
        try writeFile("\(quarantine)/bad.png", "x")
        try writeFile("\(quarantine)/bad.png.error", "reason: not text: binary content\ntime: …\n")
        let environment: [String: String] = [:]
        // No state file: not running.
        var seen = StatusProbe.observe(inbox: inbox, quarantine: quarantine, database: database, rules: "/r",
                                       ignore: .standard, environment: environment)
        #expect(seen.state == nil)
        // This process as the daemon, by hand: the state beside the database.
        let observer = StateFileObserver(path: StateFileLocation.daemonPath(database: database, environment: environment),
                                         inbox: inbox, quarantine: quarantine, database: database, rules: "/r")
        observer.observe(.started(inbox: inbox, queued: 1), at: Date())
        observer.flush()
        seen = StatusProbe.observe(inbox: inbox, quarantine: quarantine, database: database, rules: "/r",
                                   ignore: .standard, environment: environment)
        #expect(seen.stateFile == folder.sub("bulletind.state.json"))
        #expect(seen.alive)
        #expect(seen.backlog?.files == 1)
        #expect(seen.quarantineListing == QuarantineListing(count: 1, newest: [
            .init(name: "bad.png", reason: "not text: binary content", at: seen.quarantineListing!.newest[0].at)]))
        #expect(seen.databaseBytes == 4096)
        let report = StatusReport.make(seen, now: Date(), maxBacklogAge: 600)
        #expect(report.health == .healthy)
        #expect(report.quarantine.count == 1)
        // A state file of another database is not this daemon's.
        seen = StatusProbe.observe(inbox: inbox, quarantine: quarantine, database: folder.sub("other.sqlite"), rules: "/r",
                                   ignore: .standard, environment: ["RUNTIME_DIRECTORY": folder.path])
        #expect(seen.state == nil)
        observer.observe(.stopped, at: Date())
        seen = StatusProbe.observe(inbox: inbox, quarantine: quarantine, database: database, rules: "/r",
                                   ignore: .standard, environment: environment)
        #expect(StatusReport.make(seen, now: Date(), maxBacklogAge: 600).health == .notRunning)
    }

    @Test func aFileMovedInWithAnOldModificationTimeHasJustArrived() throws {
        let folder = try TemporaryFolder("backlog")
        defer { folder.remove() }
        let inbox = try folder.folder("inbox")
        try writeFile(folder.sub("old.txt"), "written two days ago")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-172_800)], ofItemAtPath: folder.sub("old.txt"))
        #expect(rename(folder.sub("old.txt"), "\(inbox)/old.txt") == 0)   // as `mv` keeps the time
        try writeFile("\(inbox)/.partial.tmp", "ignored")
        try FileManager.default.createDirectory(atPath: "\(inbox)/folder", withIntermediateDirectories: false)
        let backlog = try InboxBacklog.measure(inbox, ignore: .standard)
        #expect(backlog.files == 1)
        #expect(backlog.oldestAge(at: Date()) < 3600, "\(backlog.oldestAge(at: Date())) s")
        #expect(throws: POSIXFailure.self) { try InboxBacklog.measure(folder.sub("none"), ignore: .standard) }
    }

    @Test func aProcessIsToldApartFromOneThatReusesItsPid() {
        let me = ProcessIdentity.current
        #expect(me.start != nil)
        #expect(me.isAlive)
        #expect(!ProcessIdentity(pid: me.pid, start: me.start! + 1).isAlive)
        #expect(!ProcessIdentity(pid: 0, start: nil).isAlive)
    }
}
