import Foundation

/// The local day as the daemon lives it: the summary rewritten after `summary_debounce` seconds
/// of quiet following an ingest, and at each local midnight the finished day written a last
/// time before the new one begins. Days are those of the configured zone (`LocalCalendar`).
struct DayClock {
    private var summaries: SummaryPublisher
    private var debounce: Double
    private(set) var nextMidnight = Date.distantFuture
    /// The summary to write once quiet: when, and a moment of the day it is for.
    private var summaryDue: (at: Date, day: Date)?
    private let events: EventSink

    init(runtime: ServiceRuntime, events: EventSink) {
        summaries = runtime.summaries
        debounce = max(runtime.configuration.summaryDebounce, 0)
        self.events = events
    }

    private var calendar: LocalCalendar { summaries.calendar }

    /// The earliest moment `tick` has something to do.
    var deadline: Date { min(nextMidnight, summaryDue?.at ?? .distantFuture) }

    /// Begins the day containing `now`, with the articles the store already holds for it.
    mutating func startDay(_ now: Date) {
        let start = calendar.interval(containing: now).start
        nextMidnight = calendar.nextMidnight(after: now)
        let articles = (try? summaries.store.articleCount(firstReceivedFrom: start, to: nextMidnight)) ?? 0
        events.report(.dayStarted(calendar.day(containing: now), articles: articles))
    }

    /// A bulletin received at `receivedAt` was stored: its day's summary is due after the quiet.
    mutating func stored(receivedAt: Date) {
        summaryDue = (receivedAt.addingTimeInterval(debounce), receivedAt)
    }

    /// Writes what is due at `now`: the debounced summary, and at midnight the finished day.
    mutating func tick(_ now: Date) {
        if let due = summaryDue, due.at <= now {
            summaryDue = nil
            publish(due.day)
        }
        if nextMidnight <= now {
            // The finished day is written a last time, then the new day begins.
            let finished = nextMidnight.addingTimeInterval(-1)
            if let due = summaryDue, due.day < nextMidnight { summaryDue = nil }
            publish(finished)
            events.report(.dayEnded(calendar.day(containing: finished)))
            startDay(now)
        }
    }

    /// At a stop: the summary still due, then today's.
    mutating func finish(_ now: Date) {
        if let due = summaryDue { publish(due.day) }
        summaryDue = nil
        publish(now)
    }

    /// A reload: the new folder, zone and quiet period from now on.
    mutating func reconfigure(_ runtime: ServiceRuntime) {
        summaries = runtime.summaries
        debounce = max(runtime.configuration.summaryDebounce, 0)
    }

    private func publish(_ day: Date) {
        let localDay = calendar.day(containing: day)
        do {
            try summaries.publish(day: day, now: events.clock())
            events.report(.summaryWritten(localDay))
        } catch {
            events.report(.summaryFailed(localDay, reason: "\(error)"))
        }
    }
}
