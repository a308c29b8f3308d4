#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore

/// The local day as the daemon lives it: the summary rewritten after `summary_debounce` seconds
/// of quiet following an ingest (quiet: no file stored since, and none waiting to be taken, so a
/// backlog is not interrupted by summaries), but at most a minute (or ten quiet periods) after
/// the first file it waits for, even while files keep coming (`SummarySchedule`); and at each
/// local midnight the finished day written a last time before the new one begins (and, when it was a Sunday, its ISO week's roll-up). At the
/// first start of a day, what a stopped daemon missed is written (`SummaryPublisher.catchUp`).
/// Days are those of the configured zone (`LocalCalendar`).
struct DayClock {
    private var summaries: SummaryPublisher
    private var schedule: SummarySchedule
    private(set) var nextMidnight = Date.distantFuture
    private let events: EventSink
    /// Whether the missed days and weeks were looked for (once, at the daemon's start).
    private var caughtUp = false

    init(runtime: ServiceRuntime, events: EventSink) {
        summaries = runtime.summaries
        schedule = SummarySchedule(quiet: runtime.configuration.summaryDebounce)
        self.events = events
    }

    private var calendar: LocalCalendar { summaries.calendar }

    /// The earliest moment `tick` has something to do.
    var deadline: Date { min(nextMidnight, schedule.deadline) }

    /// Begins the day containing `now`, with the articles the store already holds for it.
    mutating func startDay(_ now: Date) {
        let start = calendar.interval(containing: now).start
        nextMidnight = calendar.nextMidnight(after: now)
        let articles = (try? summaries.store.articleCount(firstReceivedFrom: start, to: nextMidnight)) ?? 0
        events.report(.dayStarted(calendar.day(containing: now), articles: articles))
        if !caughtUp {
            caughtUp = true
            catchUp(now)
        }
    }

    /// A bulletin received at `receivedAt` was stored at `now`: its day's summary is due after
    /// `summary_debounce` seconds of quiet from now (not from its arrival: under a backlog a file
    /// may wait longer than the quiet period between its arrival and its commit).
    mutating func stored(receivedAt: Date, now: Date) {
        schedule.stored(receivedAt: receivedAt, now: now)
    }

    /// Writes what is due at `now`: the debounced summary (while `busy`, files waiting to be
    /// taken, only once its ceiling is reached), and at midnight the finished day.
    mutating func tick(_ now: Date, busy: Bool = false) {
        if let day = schedule.due(at: now, busy: busy) { publish(day) }
        if nextMidnight <= now {
            // The finished day is written a last time, then the new day begins.
            let finished = nextMidnight.addingTimeInterval(-1)
            schedule.forget(before: nextMidnight)
            finishDay(finished)
            events.report(.dayEnded(calendar.day(containing: finished)))
            startDay(now)
        }
    }

    /// At a stop: the summary still due, then today's.
    mutating func finish(_ now: Date) {
        if let day = schedule.take() { publish(day) }
        publish(now)
    }

    /// A reload: the new folder, zone and quiet period from now on.
    mutating func reconfigure(_ runtime: ServiceRuntime) {
        summaries = runtime.summaries
        schedule.setQuiet(runtime.configuration.summaryDebounce)
    }

    /// The finished day's summary, and its week's when the day was a Sunday. A failed week is
    /// reported as a failed summary of the day, with the week named in the reason.
    private func finishDay(_ day: Date) {
        write(day) { try summaries.finishDay(day, now: events.clock()) }
    }

    /// The days (last 7) and ISO weeks (last 8) with articles whose files are missing: written
    /// now; each day written is reported like a day's summary (a week is not reported on its own).
    private func catchUp(_ now: Date) {
        do {
            for files in try summaries.catchUp(now: now) {
                if let day = LocalDay(string: files.label) { events.report(.summaryWritten(day)) }
            }
        } catch {
            events.report(.summaryFailed(calendar.day(containing: now), reason: "catching up missed summaries: \(error)"))
        }
    }

    private func publish(_ day: Date) {
        write(day) { try summaries.publish(day: day, now: events.clock()) }
    }

    /// Runs `writing` and reports the day's summary written, or failed with the reason.
    private func write(_ day: Date, _ writing: () throws -> Void) {
        let localDay = calendar.day(containing: day)
        do {
            try writing()
            events.report(.summaryWritten(localDay))
        } catch {
            events.report(.summaryFailed(localDay, reason: "\(error)"))
        }
    }
}
