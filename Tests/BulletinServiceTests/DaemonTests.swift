import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// The daemon loop for real: inotify, the SQLite store, the pipeline, real folders.
/// No timing assertions: every outcome is polled for with a generous deadline.
@Suite struct DaemonTests {
    @Test func takesEveryKindOfFileToItsPlaceAndStopsCleanly() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        let early = inventedBulletin(tag: "(first edition)")
        let late = inventedBulletin(tag: "(second edition)")
        let stores = harness.pipelineAccepts(early, name: "early.txt")
        try #require(stores, "the real pipeline must store the invented bulletin")

        // Present before the start: caught up by the initial scan.
        try writeFile(harness.inbox("early.txt"), early)
        try writeFile(harness.inbox("empty.txt"), "")
        try writeFile(harness.inbox("big.txt"), String(repeating: "x", count: 20_000))
        try writeFile(harness.tmp.sub("outside.txt"), "never read")
        #expect(symlink(harness.tmp.sub("outside.txt"), harness.inbox("link.txt")) == 0)
        try #require(try harness.start())

        // Arriving while running: written in place, renamed in, and a copy of an earlier one.
        try writeFile(harness.inbox("late.txt"), late)
        try writeFile(harness.tmp.sub("copy.txt"), early)
        #expect(rename(harness.tmp.sub("copy.txt"), harness.inbox("copy.txt")) == 0)

        #expect(eventually { exists(harness.quarantined("empty.txt.error")) })
        #expect(eventually { exists(harness.quarantined("empty.txt")) })  // the reason is written before the move
        #expect(eventually { exists(harness.quarantined("big.txt.error")) })
        #expect(readText(harness.quarantined("big.txt.error"))?.contains("max_file_size") == true)
        for name in ["early.txt", "late.txt", "copy.txt"] {
            let destination = stores ? harness.archived(name) : harness.quarantined(name)
            #expect(eventually { exists(destination) }, "\(name) should be at \(destination)")
            #expect(eventually { !exists(harness.inbox(name)) })  // linked first, then unlinked
        }
        #expect(readText(harness.archived("early.txt")) == (stores ? early : nil))
        let recorder = harness.recorder
        // The event follows the move: wait for it rather than expect it the instant the file shows.
        #expect(eventually { recorder.outcome(of: "empty.txt") != nil && recorder.outcome(of: "big.txt") != nil })
        if case .quarantined(let cause, _) = recorder.outcome(of: "empty.txt") { #expect(cause == .rejected) } else {
            Issue.record("empty.txt: \(String(describing: recorder.outcome(of: "empty.txt")))")
        }
        if case .quarantined(let cause, let reason) = recorder.outcome(of: "big.txt") {
            #expect(cause == .tooLarge)
            #expect(reason.contains("max_file_size"))
        } else {
            Issue.record("big.txt: \(String(describing: recorder.outcome(of: "big.txt")))")
        }
        if stores {
            // The same content twice: whichever is taken second (the start-up listing leaves a
            // file just written for later) is the duplicate.
            #expect(eventually { [recorder.outcome(of: "early.txt"), recorder.outcome(of: "copy.txt")].filter { $0 == .duplicate }.count == 1 })
            #expect(eventually { recorder.filed.count >= 5 })
            if case .stored(let articles, let newArticles, let topics) = recorder.outcome(of: "late.txt") {
                #expect(articles > 0 && newArticles > 0)
                #expect(topics == ["ports"])
            } else {
                Issue.record("late.txt: \(String(describing: recorder.outcome(of: "late.txt")))")
            }
            #expect(recorder.filed.allSatisfy { $0.duration >= 0 })
            // The summary follows a burst of ingests on its own, before any stop.
            #expect(eventually { !recorder.summariesWritten.isEmpty })
            let day = LocalCalendar.utc.day(containing: Date())
            #expect(exists("\(harness.configuration.summaries)/\(day).md"))
        }
        // The symbolic link stays, is reported once and its target is untouched.
        #expect(exists(harness.inbox("link.txt")))
        let linkLeftAlone: (DaemonEvent) -> Bool = { if case .leftAlone("link.txt", _) = $0 { true } else { false } }
        #expect(eventually { recorder.saw(linkLeftAlone) })
        #expect(readText(harness.tmp.sub("outside.txt")) == "never read")

        let summariesBeforeStop = recorder.summariesWritten.count
        #expect(harness.stop())
        #expect(recorder.summariesWritten.count > summariesBeforeStop)
        #expect(recorder.count(linkLeftAlone) == 1)
        #expect(recorder.saw(.stopping(reason: "asked to stop")))
        #expect(recorder.events.last == .stopped)
    }

    /// A kill after the commit but before the move leaves the bulletin stored and its file in
    /// the inbox. On restart that file is archived and not counted as a duplicate.
    @Test func aBulletinStoredBeforeACrashIsFiledWithoutBeingCountedTwice() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        let text = inventedBulletin(tag: "(crash edition)")
        let first = try harness.pipeline.process(data: Data(text.utf8), fileName: "crash.txt", receivedAt: Date(),
                                                 awaitingFiling: true)
        guard case .stored = first else {
            Issue.record("expected the invented bulletin to be stored, got \(first)")
            return
        }
        try writeFile(harness.inbox("crash.txt"), text)
        try #require(try harness.start())
        #expect(eventually { exists(harness.archived("crash.txt")) })
        #expect(eventually { harness.recorder.outcome(of: "crash.txt") == .storedEarlier })
        var stats = try harness.pipeline.store.stats()
        #expect(stats.bulletins == 1)
        #expect(stats.duplicates == 0)

        // Once filed, the same content again is an ordinary duplicate.
        try writeFile(harness.inbox("again.txt"), text)
        #expect(eventually { exists(harness.archived("again.txt")) })
        #expect(harness.stop())
        stats = try harness.pipeline.store.stats()
        #expect(stats.bulletins == 1)
        #expect(stats.duplicates == 1)
    }

    /// At local midnight the finished day's summary is written a last time and a new day
    /// begins. The daemon's clock is shifted to two seconds before midnight (UTC).
    @Test func atMidnightTheFinishedDayIsWrittenOnceMoreAndANewDayBegins() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let realStart = Date()
        let midnight = utc.startOfDay(for: realStart.addingTimeInterval(86_400))
        let shift = midnight.timeIntervalSince(realStart) - 2
        harness.clock = { Date().addingTimeInterval(shift) }
        try #require(try harness.start())
        let finishedDay = LocalCalendar.utc.day(containing: midnight.addingTimeInterval(-1))
        let newDay = LocalCalendar.utc.day(containing: midnight)
        #expect(eventually { harness.recorder.saw(.dayEnded(finishedDay)) })
        // The finished day's summary is written at midnight, before the day ends; then the new day begins.
        let events = harness.recorder.events
        let ended = events.firstIndex(of: .dayEnded(finishedDay))!
        #expect(events[..<ended].last == .summaryWritten(finishedDay))
        #expect(events[ended...].contains(.dayStarted(newDay, articles: 0)))
        #expect(exists("\(harness.configuration.summaries)/\(finishedDay).md"))
        #expect(harness.stop())
        // The summary written at stop is the new day's.
        #expect(harness.recorder.summariesWritten.last == newDay)
    }

    @Test func aTransientFailureLeavesTheFileAndResumesOnItsOwn() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        try #require(try harness.start())
        // The quarantine folder cannot be created while a plain file sits at its path.
        #expect(rmdir(harness.configuration.quarantine) == 0)
        try writeFile(harness.configuration.quarantine, "in the way")
        try writeFile(harness.inbox("empty.txt"), "")
        let paused: (DaemonEvent) -> Bool = { if case .paused("empty.txt", _, _) = $0 { true } else { false } }
        #expect(eventually { harness.recorder.saw(paused) })
        #expect(exists(harness.inbox("empty.txt")))

        #expect(unlink(harness.configuration.quarantine) == 0)
        #expect(eventually { exists(harness.quarantined("empty.txt.error")) })
        // The reason is written (durably) before the move, and the move syncs two folders:
        // wait for the file to leave the inbox rather than expect it the instant the reason shows.
        #expect(eventually { !exists(harness.inbox("empty.txt")) && exists(harness.quarantined("empty.txt")) })
        #expect(eventually { harness.recorder.saw(.resumed) })
        #expect(harness.recorder.count(paused) == 1, "reported once, however many retries")
        #expect(harness.stop())
    }

    @Test func aRemovedInboxIsRecreatedAndWatchedAgain() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        try #require(try harness.start())
        try FileManager.default.removeItem(atPath: harness.configuration.inbox)
        #expect(eventually { harness.recorder.saw(.inboxLost(path: harness.configuration.inbox)) })
        #expect(eventually { harness.recorder.saw(.inboxWatchedAgain(path: harness.configuration.inbox)) })
        #expect(exists(harness.configuration.inbox))
        try writeFile(harness.inbox("empty.txt"), "")
        #expect(eventually { exists(harness.quarantined("empty.txt.error")) })
        #expect(harness.stop())
    }

    @Test func sighupReloadsAndAFailedReloadKeepsTheOldRules() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        try #require(try harness.start())
        let reloadFailed: (DaemonEvent) -> Bool = { if case .reloadFailed(let reason) = $0 { reason.contains("bulletind.toml:") } else { false } }

        try writeFile(harness.configurationFile, DaemonHarness.configurationText(maxFileSize: 10_000, extra: "max_file_size = \"large\""))
        harness.send(SIGHUP)
        #expect(eventually { harness.recorder.saw(reloadFailed) }, "the reason names the file and line")
        try writeFile(harness.inbox("first.skip"), "")
        #expect(eventually { exists(harness.quarantined("first.skip.error")) }, "old rules still in force")

        let ignoring = #"ignore = [".*", "*~", "*.tmp", "*.part", "*.swp", "*.skip"]"#
        try writeFile(harness.configurationFile, DaemonHarness.configurationText(maxFileSize: 10_000, extra: ignoring))
        harness.send(SIGHUP)
        #expect(eventually { harness.recorder.saw(.reloaded) })
        try writeFile(harness.inbox("second.skip"), "")
        try writeFile(harness.inbox("marker.txt"), "")
        #expect(eventually { exists(harness.quarantined("marker.txt.error")) })
        #expect(exists(harness.inbox("second.skip")), "new ignore rule in force")
        #expect(harness.recorder.count(reloadFailed) == 1)
        #expect(harness.recorder.count { $0 == .reloaded } == 1)
        #expect(harness.stop())
    }

    @Test func statusNumbersAreGrouped() {
        #expect(StatusBoard.grouped(0) == "0")
        #expect(StatusBoard.grouped(999) == "999")
        #expect(StatusBoard.grouped(1_234) == "1,234")
        #expect(StatusBoard.grouped(1_234_567) == "1,234,567")
    }
}
