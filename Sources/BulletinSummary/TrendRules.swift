/// The rules behind a topic's *rising* and *new* marks and the "since yesterday" line
/// (docs/SUMMARY.md states them for readers). Pure: counts in, marks out.
///
/// - the trailing mean of a topic is the mean of its daily counts over the `window` days
///   before today (default 7) that have data — days on which any article arrived — so a
///   weekend without bulletins does not pull the mean down; nil when no such day;
/// - *rising*: at least `risingMinimum` (3) articles today AND at least `risingFactor` (2) ×
///   the trailing mean (a mean of 0 counts: the topic was silent on the days with data), and
///   the topic is not *new*; nothing is rising when the mean is nil;
/// - *new*: articles today and none in the `newTopicDays` (28) days before, provided some
///   article arrived in those days (on an archive's first day nothing is new).
public enum TrendRules {
    public static let defaultWindow = 7
    public static let newTopicDays = 28
    public static let sparklineDays = 30
    public static let risingMinimum = 3
    public static let risingFactor = 2.0

    /// Whether `today` articles are clearly above `mean` (see the type's rules).
    public static func isRising(today: Int, mean: Double?) -> Bool {
        guard let mean else { return false }
        return today >= risingMinimum && Double(today) >= risingFactor * mean
    }

    /// Fills `summary.topics`' trend fields, `summary.changes` and `summary.trendWindow` from
    /// `history`, whose last day must be the summary's day. Topics of the history with
    /// articles today that the summary lacks are added (it cannot happen when both come from
    /// one snapshot; the summary stays complete if it does).
    public static func apply(_ history: SummaryHistory, window: Int = defaultWindow, to summary: inout DaySummary) {
        let n = history.days.count
        guard n > 0 else { return }
        let today = n - 1
        let window = max(1, window)
        let windowDays = (max(0, today - window)..<today).filter { history.articles[$0] > 0 }
        let newDays = max(0, today - newTopicDays)..<today
        let newDaysHadData = newDays.contains { history.articles[$0] > 0 }
        var known = Set(summary.topics.map(\.id))
        for (id, series) in history.topics where series.counts[today] > 0 && !known.contains(id) {
            summary.topics.append(TopicTrend(id: id, name: series.name, articles: series.counts[today]))
            known.insert(id)
        }
        for index in summary.topics.indices {
            let counts = history.topics[summary.topics[index].id]?.counts ?? Array(repeating: 0, count: n)
            var trend = summary.topics[index]
            let todayCount = max(trend.articles, counts[today])
            trend.mean = windowDays.isEmpty ? nil
                : (Double(windowDays.reduce(0) { $0 + counts[$1] }) / Double(windowDays.count) * 100).rounded() / 100
            trend.yesterday = today > 0 ? counts[today - 1] : 0
            trend.new = todayCount > 0 && newDaysHadData && newDays.allSatisfy { counts[$0] == 0 }
            trend.rising = !trend.new && isRising(today: todayCount, mean: trend.mean)
            trend.history = Array(counts.suffix(sparklineDays))
            summary.topics[index] = trend
        }
        summary.topics.sort(by: TopicTrend.largestFirst)
        summary.trendWindow = window
        // "Since yesterday" needs an earlier day with data: on an archive's first day there is none.
        guard today > 0, history.articles[..<today].contains(where: { $0 > 0 }) else { return }
        let quiet = history.topics.values
            .filter { $0.counts[today] == 0 && $0.counts[today - 1] > 0 }
            .sorted { ($0.counts[today - 1], $1.name) > ($1.counts[today - 1], $0.name) }
            .map(\.name)
        summary.changes = DayChanges(
            articlesYesterday: history.articles[today - 1],
            rising: summary.topics.filter(\.rising).map(\.name),
            new: summary.topics.filter(\.new).map(\.name),
            back: history.articles[today - 1] > 0
                ? summary.topics.filter { !$0.new && $0.yesterday == 0 && $0.articles > 0 }.map(\.name) : [],
            quiet: quiet)
    }
}

extension TopicTrend {
    /// Today's articles, largest first; ties by name, then id.
    static func largestFirst(_ a: TopicTrend, _ b: TopicTrend) -> Bool {
        if a.articles != b.articles { return a.articles > b.articles }
        if a.name != b.name { return a.name < b.name }
        return a.id < b.id
    }
}
