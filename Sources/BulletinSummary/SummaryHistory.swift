/// The per-day counts the trends are computed from (plain values: the service reads them from
/// the store in a few grouped queries). Every array is indexed like `days`, oldest first; the
/// LAST day is the summary's own day.
public struct SummaryHistory: Sendable, Equatable {
    /// `YYYY-MM-DD`, consecutive calendar days.
    public var days: [String]
    /// Articles first received each day.
    public var articles: [Int]
    /// Each topic's articles per day (a topic absent from the map had none).
    public var topics: [String: Series]

    public struct Series: Sendable, Equatable {
        public var name: String
        public var counts: [Int]
        public init(name: String, counts: [Int]) {
            self.name = name
            self.counts = counts
        }
    }

    public init(days: [String], articles: [Int], topics: [String: Series]) {
        self.days = days
        self.articles = articles
        self.topics = topics
    }

    /// How many days back a summary needs: the sparkline's days and the new-topic window, and
    /// the trailing window, each with today.
    public static func daysNeeded(window: Int) -> Int {
        max(TrendRules.sparklineDays, TrendRules.newTopicDays + 1, window + 1)
    }
}
