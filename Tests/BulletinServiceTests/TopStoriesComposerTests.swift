import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinSummary
@testable import BulletinService

/// The summary's Top stories from a real database: a story told on Monday and again, in other
/// words, by two bulletins on Tuesday opens Tuesday's summary as continuing since Monday.
@Suite struct TopStoriesComposerTests {
    let zurich = try! LocalCalendar(name: "Europe/Zurich")

    func date(_ d: Int, _ h: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zurich")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: d, hour: h))!
    }

    func bulletin(_ name: String, at: Date, _ articles: [(String, String)]) -> IncomingBulletin {
        IncomingBulletin(fileName: name, contentHash: ContentHash.of(Data(name.utf8)), size: 10, format: "text",
                         encoding: "utf-8", receivedAt: at, bulletinDate: nil, title: nil,
                         articles: articles.map {
                             ClassifiedArticle(article: Article(title: $0.0, body: $0.1, why: nil, position: 1),
                                               topics: [TopicMatch(topicID: "cables", score: 3, matchedTerms: [])])
                         })
    }

    @Test func aContinuingStoryInTwoBulletinsOpensTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("topstories-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("db.sqlite").path)
        try store.syncTopics([Topic(id: "cables", name: "Cables", rule: "", threshold: 1)])
        _ = try store.ingest(bulletin("monday.txt", at: date(23, 9), [
            ("Baltic undersea cable cut between Finland and Estonia",
             "A subsea data cable linking Finland and Estonia was damaged in the Gulf of Finland, and Finnish investigators have boarded a cargo ship suspected of dragging its anchor."),
        ]))
        _ = try store.ingest(bulletin("tuesday-a.txt", at: date(24, 8), [
            ("Investigators probe anchor drag in Finland-Estonia cable break",
             "The damaged Baltic cable between Finland and Estonia is under investigation; authorities boarded a cargo ship whose anchor may have cut it."),
            ("Kora subsea cable lands in Mombasa",
             "The Kora submarine cable, linking East Africa to Europe via the Red Sea, has landed in Mombasa, promising faster and cheaper internet for Kenya and its neighbours."),
        ]))
        _ = try store.ingest(bulletin("tuesday-b.txt", at: date(24, 10), [
            ("Finland boards ship after Gulf of Finland cable damage",
             "Finnish police detained a cargo vessel suspected of severing the data cable between Helsinki and Tallinn by dragging its anchor across the seabed."),
        ]))

        let summary = try SummaryComposer.compose(store: store, day: date(24, 12), calendar: zurich, now: date(24, 18))
        #expect(summary.counts.articles == 3)
        #expect(summary.topStories.count == 1, "the Kora article is a story of one: not a top story")
        let story = try #require(summary.topStories.first)
        #expect(story.title == "Investigators probe anchor drag in Finland-Estonia cable break")
        #expect(story.lede.hasPrefix("The damaged Baltic cable between Finland and Estonia"))
        #expect(story.topics == ["cables"])
        #expect(story.articles == 2)
        #expect(story.bulletins == 2)
        #expect(story.continuingSince == "2026-11-23")
        #expect(story.earlierArticles == 1)

        let markdown = SummaryRenderer.markdown(summary)
        #expect(markdown.contains("## Top stories\n\n1. **Investigators probe anchor drag in Finland-Estonia cable break** (#\(story.articleID))"))
        #expect(markdown.contains("— 2 articles today · also in 1 other bulletin · continuing since 2026-11-23 (1 earlier article) · Cables"))
        #expect(markdown.range(of: "## Top stories")!.lowerBound < markdown.range(of: "## Cables")!.lowerBound)
        let json = String(decoding: SummaryRenderer.json(summary), as: UTF8.self)
        #expect(json.contains("\"continuingSince\" : \"2026-11-23\""))
        #expect(json.contains("\"storyID\" : \(story.storyID)"))

        // Monday's summary: one article, one bulletin, nothing earlier: no top story.
        let monday = try SummaryComposer.compose(store: store, day: date(23, 12), calendar: zurich, now: date(24, 18))
        #expect(monday.topStories.isEmpty)
        #expect(!SummaryRenderer.markdown(monday).contains("Top stories"))
    }
}
