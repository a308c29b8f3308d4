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
        if stores {
            #expect(eventually { harness.logged("duplicate") })
            #expect(eventually { harness.logged("bulletin_file=late.txt") })
            #expect(eventually { harness.lines.contains { $0.contains("archived late.txt") && $0.contains("articles=") && $0.contains("duration_ms=") } })
            // The summary follows a burst of ingests on its own, before any stop.
            #expect(eventually { !harness.summaries.isEmpty })
        }
        // The symbolic link stays, is logged once and its target is untouched.
        #expect(exists(harness.inbox("link.txt")))
        #expect(eventually { harness.logged("leaving link.txt alone") })
        #expect(readText(harness.tmp.sub("outside.txt")) == "never read")

        let summariesBeforeStop = harness.summaries.count
        #expect(harness.stop())
        #expect(harness.summaries.count > summariesBeforeStop)
        #expect(harness.lines.filter { $0.contains("leaving link.txt alone") }.count == 1)
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
        #expect(eventually { harness.logged("not counted again") })
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
        #expect(eventually { harness.logged("a new day begins") })
        let finished = harness.summaries.filter { $0 < midnight }
        #expect(!finished.isEmpty, "the finished day's summary is written at midnight")
        #expect(finished.allSatisfy { utc.isDate($0, inSameDayAs: midnight.addingTimeInterval(-1)) })
        #expect(harness.stop())
        // The summary written at stop is the new day's.
        #expect(harness.summaries.last.map { utc.isDate($0, inSameDayAs: midnight) } == true)
    }

    @Test func aTransientFailureLeavesTheFileAndResumesOnItsOwn() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        try #require(try harness.start())
        // The quarantine folder cannot be created while a plain file sits at its path.
        #expect(rmdir(harness.configuration.quarantine) == 0)
        try writeFile(harness.configuration.quarantine, "in the way")
        try writeFile(harness.inbox("empty.txt"), "")
        #expect(eventually { harness.logged("cannot take empty.txt now, will retry") })
        #expect(exists(harness.inbox("empty.txt")))

        #expect(unlink(harness.configuration.quarantine) == 0)
        #expect(eventually { exists(harness.quarantined("empty.txt.error")) })
        // The reason is written (durably) before the move, and the move syncs two folders:
        // wait for the file to leave the inbox rather than expect it the instant the reason shows.
        #expect(eventually { !exists(harness.inbox("empty.txt")) && exists(harness.quarantined("empty.txt")) })
        #expect(eventually { harness.logged("taking files again") })
        #expect(harness.lines.filter { $0.contains("will retry") }.count == 1)
        #expect(harness.stop())
    }

    @Test func aRemovedInboxIsRecreatedAndWatchedAgain() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        try #require(try harness.start())
        try FileManager.default.removeItem(atPath: harness.configuration.inbox)
        #expect(eventually { harness.logged("watching \(harness.configuration.inbox) again") })
        #expect(exists(harness.configuration.inbox))
        try writeFile(harness.inbox("empty.txt"), "")
        #expect(eventually { exists(harness.quarantined("empty.txt.error")) })
        #expect(harness.stop())
    }

    @Test func sighupReloadsAndAFailedReloadKeepsTheOldRules() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        var ignoring = harness.configuration
        ignoring.ignore.append("*.skip")
        let reloaded = (ignoring, harness.pipeline)
        harness.reloadResult = { n in
            if n == 1 { throw POSIXFailure(operation: "read", path: "broken.toml", code: ENOENT) }
            return reloaded
        }
        try #require(try harness.start())

        harness.send(SIGHUP)
        #expect(eventually { harness.logged("reload failed") })
        try writeFile(harness.inbox("first.skip"), "")
        #expect(eventually { exists(harness.quarantined("first.skip.error")) }, "old rules still in force")

        harness.send(SIGHUP)
        #expect(eventually { harness.logged("reloaded") })
        try writeFile(harness.inbox("second.skip"), "")
        try writeFile(harness.inbox("marker.txt"), "")
        #expect(eventually { exists(harness.quarantined("marker.txt.error")) })
        #expect(exists(harness.inbox("second.skip")), "new ignore rule in force")
        #expect(harness.reloads == 2)
        #expect(harness.stop())
    }

    @Test func statusNumbersAreGrouped() {
        #expect(Daemon.grouped(0) == "0")
        #expect(Daemon.grouped(999) == "999")
        #expect(Daemon.grouped(1_234) == "1,234")
        #expect(Daemon.grouped(1_234_567) == "1,234,567")
    }
}
