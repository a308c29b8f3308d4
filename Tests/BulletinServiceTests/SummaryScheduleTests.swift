import Foundation
import Testing
@testable import BulletinService

/// The daemon's summary timing as a value: quiet after the last store, never interrupted by a
/// backlog, and never later than the ceiling after the first file waiting for it.
@Suite struct SummaryScheduleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test func dueAfterTheQuietFollowingTheLastStore() {
        var schedule = SummarySchedule(quiet: 1, ceiling: 60)
        #expect(schedule.due(at: at(100), busy: false) == nil)
        #expect(schedule.deadline == .distantFuture)
        schedule.stored(receivedAt: at(-5), now: at(0))
        schedule.stored(receivedAt: at(0.5), now: at(0.8))
        // The quiet counts from the last commit, not from the file's arrival.
        #expect(schedule.deadline == at(1.8))
        #expect(schedule.due(at: at(1.7), busy: false) == nil)
        #expect(schedule.due(at: at(1.8), busy: false) == at(0.5))
        // Taken out: nothing more is due until the next store.
        #expect(schedule.due(at: at(100), busy: false) == nil)
    }

    @Test func aBacklogDefersTheSummaryUntilItsCeiling() {
        var schedule = SummarySchedule(quiet: 1, ceiling: 60)
        schedule.stored(receivedAt: at(0), now: at(0))
        // Files keep waiting: the quiet has ended but the summary waits.
        #expect(schedule.due(at: at(5), busy: true) == nil)
        // A stream that never pauses: a store every half second for two minutes.
        var written: [Double] = []
        var now = 0.5
        while now < 120 {
            schedule.stored(receivedAt: at(now), now: at(now))
            if let day = schedule.due(at: at(now), busy: true) { written.append(day.timeIntervalSince(t0)) }
            now += 0.5
        }
        // Written once, 60 s after the first store (for the day of the file stored then); the
        // next is due 60 s after the first store it did not cover (60.5 s), past the stream's end.
        #expect(written == [60])
        #expect(schedule.deadline == at(120.5))
        // The backlog ends: the quiet after the last store writes the rest.
        #expect(schedule.due(at: at(120.4), busy: false) == nil)
        #expect(schedule.due(at: at(120.5), busy: false) == at(119.5))
    }

    @Test func theCeilingIsAMinuteOrTenQuietPeriods() {
        #expect(SummarySchedule.ceiling(forQuiet: 1) == 60)
        #expect(SummarySchedule.ceiling(forQuiet: 30) == 300)
        #expect(SummarySchedule(quiet: 1).ceiling == 60)
        // A quiet longer than the ceiling asked for is the ceiling.
        #expect(SummarySchedule(quiet: 90, ceiling: 60).ceiling == 90)
        #expect(SummarySchedule(quiet: -3).quiet == 0)
        // A reload's new quiet period brings its own ceiling.
        var reloaded = SummarySchedule(quiet: 1)
        reloaded.setQuiet(30)
        #expect(reloaded.quiet == 30 && reloaded.ceiling == 300)
    }

    @Test func midnightForgetsOnlyTheFinishedDay() {
        var schedule = SummarySchedule(quiet: 1, ceiling: 60)
        schedule.stored(receivedAt: at(10), now: at(10))
        schedule.forget(before: at(11))
        #expect(schedule.take() == nil)
        schedule.stored(receivedAt: at(12), now: at(12))
        schedule.forget(before: at(11))
        #expect(schedule.take() == at(12))
        #expect(schedule.take() == nil)
    }
}
