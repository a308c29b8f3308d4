import Foundation
import Testing
@testable import BulletinService

/// The state `bulletind status` reads, folded from event sequences as the daemon reports them.
@Suite struct ServiceStateTests {
    let t0 = Date(timeIntervalSince1970: 1_795_937_400)   // 2026-11-29T07:30:00Z

    func fresh() -> ServiceState {
        ServiceState(pid: 812, processStart: 99, since: t0, inbox: "/in", database: "/var/b.sqlite",
                     rules: "/etc/topics.toml", quarantined: 2, day: "")
    }

    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test func aBusyMorningIsCounted() {
        var state = fresh()
        let events: [(DaemonEvent, Double)] = [
            (.started(inbox: "/in", queued: 3), 0),
            (.dayStarted(LocalDay(year: 2026, month: 11, day: 29), articles: 40), 0),
            (.filed(FiledFile(name: "a.txt", outcome: .stored(articles: 10, newArticles: 8, topics: ["x"]), duration: 0.02)), 1),
            (.filed(FiledFile(name: "b.txt", outcome: .duplicate, duration: 0.01)), 2),
            (.filed(FiledFile(name: "c.png", outcome: .quarantined(.rejected, reason: "not text"), duration: 0.01)), 3),
            (.filed(FiledFile(name: "d.txt", outcome: .storedEarlier, duration: 0.01)), 4),
            (.backlog(queued: 0, waiting: 0), 4),
            (.summaryWritten(LocalDay(year: 2026, month: 11, day: 29)), 5),
        ]
        for (event, seconds) in events { state.apply(event, at: at(seconds)) }
        #expect(state.phase == .watching)
        #expect(state.today == ServiceState.Today(date: "2026-11-29", articles: 48, bulletins: 1, duplicates: 1, quarantined: 1))
        #expect(state.lastBulletin?.name == "d.txt")
        #expect(state.lastBulletin?.outcome == "stored-earlier")
        #expect(state.lastSuccess == at(1))
        #expect(state.quarantine.count == 3)
        #expect(state.quarantine.newest == [ServiceState.Quarantined(name: "c.png", cause: "rejected", reason: "not text", at: at(3))])
        #expect(state.errors.isEmpty)
        #expect(state.updated == at(5))
    }

    @Test func aFailedReloadKeepsItsLocationAndAGoodOneClearsIt() {
        var state = fresh()
        state.apply(.started(inbox: "/in", queued: 0), at: at(0))
        state.apply(.reloadFailed(reason: "/etc/bulletind/topics.toml:4:13: dangling operator 'AND'"), at: at(10))
        #expect(state.lastReload == ServiceState.Reload(at: at(10), failed: true,
                                                        error: "/etc/bulletind/topics.toml:4:13: dangling operator 'AND'",
                                                        location: "/etc/bulletind/topics.toml:4:13"))
        #expect(state.rulesLoaded == at(0))
        #expect(state.errors.map(\.kind) == ["reload-failed"])
        state.apply(.reloaded, at: at(20))
        #expect(state.lastReload?.failed == false)
        #expect(state.rulesLoaded == at(20))
        #expect(state.errors.isEmpty)
        #expect(ServiceState.location(in: "cannot start: no location here") == nil)
    }

    @Test func aPauseAndAWaitingFileAreErrorsThatAgeOutAfterAnHour() {
        var state = fresh()
        state.apply(.started(inbox: "/in", queued: 2), at: at(0))
        state.apply(.paused(name: "a.txt", reason: "database is locked", delay: 2), at: at(1))
        #expect(state.phase == .paused)
        #expect(state.paused?.message == "database is locked")
        state.apply(.resumed, at: at(3))
        #expect(state.phase == .watching)
        #expect(state.paused == nil)
        state.apply(.fileWaiting(name: "stuck.txt", reason: "Input/output error"), at: at(4))
        state.apply(.backlog(queued: 1, waiting: 1), at: at(4))
        #expect(state.backlog.waitingFiles.map(\.name) == ["stuck.txt"])
        #expect(state.errors.map(\.kind) == ["paused", "file-waiting"])
        // The file finally goes: it leaves the waiting list; the errors stay for their hour.
        state.apply(.filed(FiledFile(name: "stuck.txt", outcome: .quarantined(.unreadable, reason: "denied"), duration: 1)), at: at(60))
        #expect(state.backlog.waitingFiles.isEmpty)
        #expect(state.errors.count == 2)
        state.apply(.backlog(queued: 0, waiting: 0), at: at(3605))
        #expect(state.errors.isEmpty)
    }

    /// A shared database that does not answer: the phase says so until it answers again, and
    /// the outage is an error of the hour.
    @Test func waitingForTheDatabaseIsAPhaseAndAnError() {
        var state = fresh()
        state.apply(.started(inbox: "/in", queued: 3), at: at(0))
        state.apply(.databaseUnreachable(address: "db.example:5432", reason: "connection refused", retryIn: 0.5), at: at(0))
        #expect(state.phase == .waitingForDatabase)
        #expect(state.databaseUnreachable?.name == "db.example:5432")
        #expect(state.databaseUnreachable?.at == at(0))
        #expect(state.errors.map(\.kind) == ["database-unreachable"])
        let decoded = try? ServiceState.decode(state.encoded())
        #expect(decoded?.phase == .waitingForDatabase)
        state.apply(.databaseReachable(address: "db.example:5432", after: 12), at: at(12))
        #expect(state.phase == .watching)
        #expect(state.databaseUnreachable == nil)
        #expect(state.errors.count == 1)
    }

    @Test func theNewestQuarantinedAreKeptNewestFirstAndBounded() {
        var state = fresh()
        for n in 0..<8 {
            state.apply(.filed(FiledFile(name: "q\(n)", outcome: .quarantined(.tooLarge, reason: "too large"), duration: 0)), at: at(Double(n)))
        }
        #expect(state.quarantine.count == 10)
        #expect(state.quarantine.newest.map(\.name) == ["q7", "q6", "q5", "q4", "q3"])
        #expect(state.quarantine.newest.first?.cause == "too-large")
    }

    @Test func stopIsThePhase() throws {
        var state = fresh()
        state.apply(.started(inbox: "/in", queued: 0), at: at(0))
        state.apply(.stopping(reason: "SIGTERM"), at: at(1))
        #expect(state.phase == .stopping)
        state.apply(.stopped, at: at(2))
        #expect(state.phase == .stopped)
        // The file's bytes read back as the same state.
        #expect(try ServiceState.decode(state.encoded()) == state)
    }
}
