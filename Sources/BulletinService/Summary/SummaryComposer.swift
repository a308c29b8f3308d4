import Foundation
import BulletinStore
import BulletinSummary

/// Reads one calendar day from the store and builds its `DaySummary`.
public enum SummaryComposer {
    /// The summary of the calendar day containing `day` in `calendar`: the articles first
    /// received in `[start of day, start of next day)` — a 23- or 25-hour interval on DST
    /// changes — and the bulletins received in that interval. `generatedAt` is `now` in
    /// ISO 8601 with the zone's offset. Each section lists at most `listLimit` articles
    /// (see `DaySummaryBuilder`). Memory stays bounded however many articles the day has:
    /// articles are read one at a time, and only the first characters of each text that the
    /// first sentence needs (the same sentences as from the whole text). The day's top stories
    /// (`TopStoryRule`) come from the stored story clusters (`Store.dayStories`).
    public static func compose(store: Store, day: Date, calendar: LocalCalendar, now: Date,
                               listLimit: Int = DaySummaryBuilder.defaultListLimit) throws -> DaySummary {
        let (start, end) = calendar.interval(containing: day)
        var builder = DaySummaryBuilder(listLimit: listLimit)
        var topStories = try TopStories.chosen(store: store, from: start, to: end, calendar: calendar)
        let bulletins = try store.day(from: start, to: end, textPrefix: Sentences.sufficientPrefixLength,
                                      needsWholeText: { !Sentences.isDecided(byPrefix: $0) }) { article in
            topStories.fill(article)
            builder.add(SummaryArticle(
                articleID: article.articleID, title: article.title, body: article.body, why: article.why,
                topics: article.topics.map { SummaryTopic(id: $0.id, name: $0.name) },
                sources: article.sources))
        }
        var summary = builder.summary(date: calendar.day(containing: start).description,
                                      timeZone: calendar.timeZone.identifier,
                                      generatedAt: calendar.timestamp(now), bulletins: bulletins)
        summary.topStories = topStories.stories
        return summary
    }
}
