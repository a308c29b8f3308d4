import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinSummary
@testable import BulletinService

@Suite struct SummaryComposerTests {
    let zurich = try! LocalCalendar(name: "Europe/Zurich")

    func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zurich")!
        return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    func bulletin(_ name: String, at: Date, _ articles: [ClassifiedArticle]) -> IncomingBulletin {
        IncomingBulletin(fileName: name, contentHash: ContentHash.of(Data(name.utf8)), size: 10, format: "text", encoding: "utf-8",
                         receivedAt: at, bulletinDate: nil, title: nil, articles: articles)
    }

    func article(_ title: String, _ body: String, why: String? = nil, _ topics: [String]) -> ClassifiedArticle {
        ClassifiedArticle(article: Article(title: title, body: body, why: why, position: 1),
                          topics: topics.enumerated().map { TopicMatch(topicID: $1, score: Double(10 - $0), matchedTerms: []) })
    }

    @Test func composesOnlyTheRequestedLocalDay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("composer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("db.sqlite").path)
        try store.syncTopics([Topic(id: "privacy", name: "Privacy", rule: "", threshold: 1),
                              Topic(id: "ai", name: "AI", rule: "", threshold: 1)])
        // Yesterday 23:30 local (22:30 UTC): must not appear in today's summary.
        _ = try store.ingest(bulletin("yesterday.txt", at: date(2026, 11, 28, 23, 30), [
            article("Old news about privacy", "Yesterday's story.", ["privacy"]),
        ]))
        // Today 00:10 and 08:00 local; the second repeats yesterday's article and one of its own.
        _ = try store.ingest(bulletin("early.txt", at: date(2026, 11, 29, 0, 10), [
            article("Chatbot code of conduct", "A code was agreed. Details follow.", why: "It binds vendors. More.", ["ai", "privacy"]),
        ]))
        _ = try store.ingest(bulletin("morning.txt", at: date(2026, 11, 29, 8), [
            article("Old news about privacy", "Yesterday's story.", ["privacy"]),
            article("Chatbot code of conduct", "A code was agreed. Details follow.", why: "It binds vendors. More.", ["ai"]),
            article("Unsorted item", "Nobody knows where this goes.", []),
        ]))
        // Tomorrow 00:00 local: excluded (half-open interval).
        _ = try store.ingest(bulletin("tomorrow.txt", at: date(2026, 11, 30, 0), [article("Tomorrow", "Later.", [])]))

        let now = date(2026, 11, 30, 6)
        let summary = try SummaryComposer.compose(store: store, day: date(2026, 11, 29, 15), calendar: zurich, now: now)
        #expect(summary.date == "2026-11-29")
        #expect(summary.timeZone == "Europe/Zurich")
        #expect(summary.generatedAt == "2026-11-30T06:00:00+01:00")
        // Privacy has an article today, listed under AI: it counts, and says where it is.
        #expect(summary.counts == DaySummary.Counts(bulletins: 2, articles: 2, topics: 2, sections: 1))
        #expect(summary.sections.map(\.topicName) == ["AI", "Unclassified"])
        #expect(summary.topics.map(\.name) == ["AI", "Privacy"])
        #expect(summary.topics.last?.listedUnder == [TopicTrend.Placement(section: "AI", articles: 1)])
        #expect(SummaryRenderer.markdown(summary).contains("- Privacy: 1 article · 7-day mean 1 · listed under AI (1)"))
        let chatbot = try #require(summary.sections.first?.articles.first)
        #expect(chatbot.title == "Chatbot code of conduct")
        #expect(chatbot.lede == "A code was agreed.")
        #expect(chatbot.why == "It binds vendors.")
        #expect(chatbot.sources == ["early.txt", "morning.txt"])
        #expect(chatbot.alsoIn == ["Privacy"])
        #expect(SummaryRenderer.markdown(summary).contains("## AI (1)"))

        let yesterday = try SummaryComposer.compose(store: store, day: date(2026, 11, 28, 12), calendar: zurich, now: now)
        #expect(yesterday.counts.articles == 1)
        #expect(yesterday.sections.first?.articles.first?.sources == ["yesterday.txt", "morning.txt"])
    }

    /// Texts longer than the prefix the composer reads give the same sentences as the whole
    /// text, including one whose first sentence lies beyond that prefix; sections are capped.
    @Test func longTextsGiveTheWholeTextsSentencesAndSectionsAreCapped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("composer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("db.sqlite").path)
        try store.syncTopics([Topic(id: "ai", name: "AI", rule: "", threshold: 1)])
        let long = String(repeating: "Many words follow here ", count: 200) + "at last. Next sentence."
        let spaced = "Start" + String(repeating: " ", count: 3 * Sentences.sufficientPrefixLength) + "of a sentence. Next."
        _ = try store.ingest(bulletin("long.txt", at: date(2026, 11, 29, 9), [
            article("Long", long, why: spaced, ["ai"]),
            article("Spaced", spaced, why: long, ["ai"]),
            article("Third", "Short body.", ["ai"]),
        ]))
        let now = date(2026, 11, 30, 6)
        let summary = try SummaryComposer.compose(store: store, day: date(2026, 11, 29, 12), calendar: zurich, now: now)
        let entries = try #require(summary.sections.first?.articles)
        #expect(entries.map(\.lede) == [Sentences.first(of: long), "Start of a sentence.", "Short body."])
        #expect(entries.map(\.why) == ["Start of a sentence.", Sentences.first(of: long), nil])

        let capped = try SummaryComposer.compose(store: store, day: date(2026, 11, 29, 12), calendar: zurich, now: now,
                                                 listLimit: 1)
        #expect(capped.counts.articles == 3)
        #expect(capped.sections.map(\.articles.count) == [1])
        #expect(capped.sections.map(\.unlisted) == [2])
        #expect(SummaryRenderer.markdown(capped).contains("## AI (3)"))
    }

    @Test func daylightSavingDaysAreShortOrLong() {
        let spring = zurich.interval(containing: date(2026, 3, 29, 12))
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
        let autumn = zurich.interval(containing: date(2026, 10, 25, 12))
        #expect(autumn.end.timeIntervalSince(autumn.start) == 25 * 3600)
        #expect(zurich.day(containing: autumn.start).description == "2026-10-25")
    }
}
