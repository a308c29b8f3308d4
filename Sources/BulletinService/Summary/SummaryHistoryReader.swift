#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore
import BulletinSummary

/// Reads per-day counts from the store for the trends (`BulletinArchive.topicHistory`, a few grouped
/// queries whatever the number of days) and turns them into the summary's plain values.
enum SummaryHistoryReader {
    /// The counts of `days` (consecutive, oldest first) and their bulletins per day; with a
    /// `cache`, the topic counts of days that did not change since are not read again.
    static func read(store: any BulletinArchive, days: [LocalDay], calendar: LocalCalendar,
                     cache: TrendCache? = nil) throws -> (history: SummaryHistory, bulletins: [Int]) {
        let intervals = days.map { day in
            let (start, end) = calendar.interval(containing: calendar.start(of: day))
            return DayInterval(start: start, end: end)
        }
        let counts = try cache?.history(store: store, days: intervals) ?? store.topicHistory(days: intervals)
        var topics: [String: SummaryHistory.Series] = [:]
        for (id, series) in counts.topics {
            topics[id] = SummaryHistory.Series(name: series.name, counts: series.counts)
        }
        return (SummaryHistory(days: days.map(\.description), articles: counts.articles, topics: topics), counts.bulletins)
    }
}
