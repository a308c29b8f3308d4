#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    ///
    /// Each entry names its bulletins by title and date (`SummarySource`). The topics' trends
    /// (`TrendRules`, over `trendWindow` days) come from the last
    /// `SummaryHistory.daysNeeded(window:)` days' counts; `previousDay`/`nextDay` are the
    /// nearest days with articles.
    public static func compose(store: any BulletinArchive, day: Date, calendar: LocalCalendar, now: Date,
                               listLimit: Int = DaySummaryBuilder.defaultListLimit,
                               trendWindow: Int = TrendRules.defaultWindow) throws -> DaySummary {
        try compose(store: store, day: day, calendar: calendar, now: now, listLimit: listLimit,
                    trendWindow: trendWindow, cache: nil)
    }

    /// `compose`, with the topic counts of unchanged days taken from `cache` (`TrendCache`).
    static func compose(store: any BulletinArchive, day: Date, calendar: LocalCalendar, now: Date, listLimit: Int,
                        trendWindow: Int, cache: TrendCache?) throws -> DaySummary {
        let (start, end) = calendar.interval(containing: day)
        var builder = DaySummaryBuilder(listLimit: listLimit)
        var topStories = try TopStories.chosen(store: store, from: start, to: end, calendar: calendar)
        let bulletins = try store.day(from: start, to: end, textPrefix: Sentences.sufficientPrefixLength,
                                      needsWholeText: { !Sentences.isDecided(byPrefix: $0) }) { article in
            topStories.fill(article)
            var summaryArticle = SummaryArticle(
                articleID: article.articleID, title: article.title, body: article.body, why: article.why,
                topics: article.topics.map { SummaryTopic(id: $0.id, name: $0.name) },
                sources: article.sources)
            summaryArticle.newsletters = article.bulletins.map { bulletin in
                SummarySource(file: bulletin.fileName, title: bulletin.title,
                              date: calendar.day(containing: bulletin.date ?? bulletin.receivedAt).description)
            }
            builder.add(summaryArticle)
        }
        let localDay = calendar.day(containing: start)
        var summary = builder.summary(date: localDay.description, timeZone: calendar.zone.identifier,
                                      generatedAt: calendar.timestamp(now), bulletins: bulletins)
        let days = calendar.days(endingWith: localDay, count: SummaryHistory.daysNeeded(window: trendWindow))
        let history = try SummaryHistoryReader.read(store: store, days: days, calendar: calendar, cache: cache).history
        TrendRules.apply(history, window: trendWindow, to: &summary)
        summary.topStories = topStories.stories
        let neighbours = try store.neighbouringArticles(around: start, end: end)
        summary.previousDay = neighbours.before.map { calendar.day(containing: $0).description }
        summary.nextDay = neighbours.after.map { calendar.day(containing: $0).description }
        return summary
    }

    /// The roll-up of `week`: its topics' daily counts against the
    /// `WeekSummary.comparedWeeks` weeks before it (`WeekSummary.build`).
    public static func composeWeek(store: any BulletinArchive, week: LocalWeek, calendar: LocalCalendar, now: Date) throws -> WeekSummary {
        guard let sunday = calendar.days(of: week).last else {
            throw SummaryError.noSuchWeek(week.description)
        }
        let days = calendar.days(endingWith: sunday, count: WeekSummary.daysNeeded)
        let (history, bulletins) = try SummaryHistoryReader.read(store: store, days: days, calendar: calendar)
        return WeekSummary.build(week: week.description, history: history, bulletins: bulletins.suffix(7).reduce(0, +),
                                 timeZone: calendar.zone.identifier, generatedAt: calendar.timestamp(now))
    }
}
