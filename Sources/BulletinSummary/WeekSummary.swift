#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The weekly roll-up of an ISO week (`2026-W48`): its topics with their daily counts, what
/// rose or appeared, and its largest stories. Built by `WeekSummary.build` from per-day counts.
public struct WeekSummary: Sendable, Equatable, Codable {
    /// `DaySummary.formatVersion`: the day and week JSON share their version.
    public var version: Int = DaySummary.formatVersion
    /// `YYYY-Www` (ISO 8601 week).
    public var week: String
    /// The week's seven days, Monday first (`YYYY-MM-DD`).
    public var days: [String]
    public var timeZone: String
    public var generatedAt: String
    /// Bulletins and articles of the week; `topics` and `sections` both count the topics.
    public var counts: DaySummary.Counts
    /// Articles per day, Monday first (a day without articles has no day page).
    public var dailyArticles: [Int] = []
    /// Every topic with an article in the week, largest first.
    public var topics: [Topic]
    /// The week's largest stories (empty until the story clustering provides them).
    public var topStories: [TopStory] = []
    /// How many earlier weeks `Topic.previousMean` is taken over.
    public var previousWeeks: Int

    public struct Topic: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// The week's articles with this topic.
        public var articles: Int
        /// Per day, Monday first.
        public var daily: [Int]
        /// The mean weekly count over the previous weeks that had data (rounded to 2 decimals);
        /// nil when none had.
        public var previousMean: Double?
        /// `TrendRules.isRising(today: articles, mean: previousMean)`, and not new.
        public var rising: Bool
        /// No article in the 28 days before the week (which had data).
        public var new: Bool

        public init(id: String, name: String, articles: Int, daily: [Int], previousMean: Double?,
                    rising: Bool, new: Bool) {
            self.id = id
            self.name = name
            self.articles = articles
            self.daily = daily
            self.previousMean = previousMean
            self.rising = rising
            self.new = new
        }
    }

    public init(week: String, days: [String], timeZone: String, generatedAt: String, counts: DaySummary.Counts,
                topics: [Topic], previousWeeks: Int) {
        self.week = week
        self.days = days
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.counts = counts
        self.topics = topics
        self.previousWeeks = previousWeeks
    }

    /// Weeks before the week whose counts a roll-up compares against.
    public static let comparedWeeks = 4
    /// Days of history `build` needs: the compared weeks and the week itself.
    public static let daysNeeded = (comparedWeeks + 1) * 7

    /// The roll-up from `history`, whose last 7 days are the week (Monday first) and whose
    /// earlier days are the `comparedWeeks` weeks before it (fewer when the archive is
    /// younger). `bulletins` is the week's number of bulletins.
    public static func build(week: String, history: SummaryHistory, bulletins: Int, timeZone: String,
                             generatedAt: String) -> WeekSummary {
        let n = history.days.count
        let weekStart = max(0, n - 7)
        let weekDays = weekStart..<n
        // Earlier weeks, each 7 days ending where the next begins; only those with data.
        var earlierWeeks: [Range<Int>] = []
        var end = weekStart
        while end - 7 >= 0 {
            earlierWeeks.append((end - 7)..<end)
            end -= 7
        }
        let weeksWithData = earlierWeeks.filter { range in range.contains { history.articles[$0] > 0 } }
        let before = max(0, weekStart - TrendRules.newTopicDays)..<weekStart
        let beforeHadData = before.contains { history.articles[$0] > 0 }
        var topics: [Topic] = []
        for (id, series) in history.topics {
            let daily = Array(series.counts[weekDays])
            let total = daily.reduce(0, +)
            guard total > 0 else { continue }
            let mean = weeksWithData.isEmpty ? nil
                : (Double(weeksWithData.reduce(0) { sum, range in sum + range.reduce(0) { $0 + series.counts[$1] } })
                   / Double(weeksWithData.count) * 100).rounded() / 100
            let new = beforeHadData && before.allSatisfy { series.counts[$0] == 0 }
            topics.append(Topic(id: id, name: series.name, articles: total, daily: daily, previousMean: mean,
                                rising: !new && TrendRules.isRising(today: total, mean: mean), new: new))
        }
        topics.sort { a, b in
            if a.articles != b.articles { return a.articles > b.articles }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
        let articles = history.articles[weekDays].reduce(0, +)
        var summary = WeekSummary(
            week: week, days: Array(history.days[weekDays]), timeZone: timeZone, generatedAt: generatedAt,
            counts: DaySummary.Counts(bulletins: bulletins, articles: articles, topics: topics.count),
            topics: topics, previousWeeks: weeksWithData.count)
        summary.dailyArticles = Array(history.articles[weekDays])
        return summary
    }
}
