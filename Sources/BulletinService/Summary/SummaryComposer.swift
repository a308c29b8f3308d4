import Foundation
import BulletinStore
import BulletinSummary

/// Reads one calendar day from the store and builds its `DaySummary`.
public enum SummaryComposer {
    /// The summary of the calendar day containing `day` in `timeZone`: the articles first
    /// received in `[start of day, start of next day)` — a 23- or 25-hour interval on DST
    /// changes — and the bulletins received in that interval. `generatedAt` is `now` in
    /// ISO 8601 with the time zone's offset. Each section lists at most `listLimit` articles
    /// (see `DaySummaryBuilder`). Memory stays bounded however many articles the day has:
    /// articles are read one at a time, and only the first characters of each text that the
    /// first sentence needs (the same sentences as from the whole text).
    public static func compose(store: Store, day: Date, timeZone: TimeZone, now: Date,
                               listLimit: Int = DaySummaryBuilder.defaultListLimit) throws -> DaySummary {
        let (start, end) = interval(containing: day, in: timeZone)
        var builder = DaySummaryBuilder(listLimit: listLimit)
        let bulletins = try store.day(from: start, to: end, textPrefix: Sentences.sufficientPrefixLength,
                                      needsWholeText: { !Sentences.isDecided(byPrefix: $0) }) { article in
            builder.add(SummaryArticle(
                articleID: article.articleID, title: article.title, body: article.body, why: article.why,
                topics: article.topics.map { SummaryTopic(id: $0.id, name: $0.name) },
                sources: article.sources))
        }
        return builder.summary(date: dateString(start, in: timeZone), timeZone: timeZone.identifier,
                               generatedAt: timestamp(now, in: timeZone), bulletins: bulletins)
    }

    /// `[start, end)` of the calendar day containing `day` in `timeZone`.
    public static func interval(containing day: Date, in timeZone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.startOfDay(for: day)
        let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        return (start, end)
    }

    /// `YYYY-MM-DD` of `date` in `timeZone`.
    public static func dateString(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    private static func timestamp(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
