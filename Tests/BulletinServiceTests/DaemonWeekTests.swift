import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
@testable import BulletinService

/// The daemon's day clock writes the weekly roll-ups: the missed ones at start (catch-up), and
/// the week that ends at a Sunday's midnight. The daemon's clock is shifted to two seconds
/// before the next Monday 00:00 UTC; the store holds articles of that Sunday and of a week
/// that ended before. No timing assertions: outcomes are polled for with a generous deadline.
@Suite struct DaemonWeekTests {
    @Test func missedWeeksAreWrittenAtStartAndTheWeekAtItsLastMidnight() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        let calendar = LocalCalendar.utc
        let realStart = Date()
        // The next Monday 00:00 UTC at least a minute ahead.
        var monday = calendar.nextMidnight(after: realStart.addingTimeInterval(60))
        while calendar.week(containing: monday) == calendar.week(containing: monday.addingTimeInterval(-1)) {
            monday = calendar.nextMidnight(after: monday)
        }
        let shift = monday.timeIntervalSince(realStart) - 2
        harness.clock = { Date().addingTimeInterval(shift) }
        let sunday = monday.addingTimeInterval(-12 * 3_600)
        // The Sunday a week before: its week has ended, and it is one of the 7 days before "today".
        let older = monday.addingTimeInterval(-7 * 86_400 - 12 * 3_600)
        for (name, at) in [("older.txt", older), ("sunday.txt", sunday)] {
            _ = try harness.pipeline.store.ingest(IncomingBulletin(
                fileName: name, contentHash: ContentHash.of(Data(name.utf8)), size: 10, format: "text", encoding: "utf-8",
                receivedAt: at, bulletinDate: nil, title: nil,
                articles: [ClassifiedArticle(article: Article(title: "Harbour news \(name)", body: "Shipping resumed.",
                                                              why: nil, position: 1), topics: [])]))
        }
        let summaries = harness.configuration.summaries
        let missedWeek = calendar.week(containing: older)
        let endingWeek = calendar.week(containing: sunday)
        try #require(missedWeek != endingWeek)
        try #require(try harness.start())
        // At start: the ended week with articles, and the days of the last 7 with articles.
        #expect(eventually { exists("\(summaries)/\(missedWeek).json") && exists("\(summaries)/\(missedWeek).html") })
        #expect(exists("\(summaries)/\(calendar.day(containing: older)).md"))
        #expect(harness.recorder.saw(.summaryWritten(calendar.day(containing: older))))
        // The ending week is not written before its last day has ended…
        #expect(!exists("\(summaries)/\(endingWeek).json"))
        // …and is at its midnight.
        let finishedDay = calendar.day(containing: sunday)
        #expect(eventually { harness.recorder.saw(.dayEnded(finishedDay)) })
        #expect(exists("\(summaries)/\(endingWeek).md") && exists("\(summaries)/\(endingWeek).json")
                && exists("\(summaries)/\(endingWeek).html"))
        let week = try JSONDecoder().decode(WeekSummaryProbe.self,
                                            from: Data(contentsOf: URL(fileURLWithPath: "\(summaries)/\(endingWeek).json")))
        #expect(week.week == endingWeek.description)
        #expect(week.counts.articles == 1)
        let index = try String(contentsOfFile: "\(summaries)/index.html", encoding: .utf8)
        #expect(index.contains("href=\"\(endingWeek).html\""))
        #expect(index.contains("href=\"\(missedWeek).html\""))
        #expect(harness.stop())
    }

    /// The fields of the week's JSON this test reads.
    struct WeekSummaryProbe: Decodable {
        var week: String
        var counts: Counts
        struct Counts: Decodable { var articles: Int }
    }
}
