import Foundation
import XCTest
import SQLite
import BulletinModel
import BulletinStories
@testable import BulletinStore

/// Story clusters in a real SQLite file: assigned at ingest to NEW articles only, kept by an
/// article stored again, shown by `explain` and `search`, counted per day by `dayStories`.
final class StoreStoryTests: XCTestCase {
    var fixture: StoreFixture!

    override func setUpWithError() throws { fixture = try StoreFixture() }
    override func tearDown() { fixture.cleanUp() }

    let monday = Date(timeIntervalSince1970: 1_795_000_000)
    var tuesday: Date { monday.addingTimeInterval(86_400) }

    func article(_ title: String, _ body: String) -> ClassifiedArticle {
        StoreFixture.article(title, body, topics: [("connectivity", 3)])
    }

    func testTheSameStoryInOtherWordsJoinsAndAnotherEventOfTheTopicDoesNot() throws {
        let store = fixture.store
        _ = try store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday, articles: [
            article("Baltic undersea cable cut between Finland and Estonia",
                    "A subsea data cable linking Finland and Estonia was damaged in the Gulf of Finland, and Finnish investigators have boarded a cargo ship suspected of dragging its anchor."),
            article("Kora subsea cable lands in Mombasa",
                    "The Kora submarine cable, linking East Africa to Europe via the Red Sea, has landed in Mombasa."),
        ]))
        _ = try store.ingest(StoreFixture.bulletin("b.txt", receivedAt: tuesday, articles: [
            article("Finland boards ship after Gulf of Finland cable damage",
                    "Finnish police detained a cargo vessel suspected of severing the data cable between Helsinki and Tallinn by dragging its anchor across the seabed."),
        ]))
        let ids = try fixture.store.pool.read { db in try db.fetchValues(Int64.self, "SELECT id FROM article ORDER BY id") }
        XCTAssertEqual(ids.count, 3)
        let stories = try ids.map { try XCTUnwrap(try store.explain(articleID: $0)?.story) }
        XCTAssertEqual(stories[0].id, stories[2].id, "the follow-up in other words joins the first article's story")
        XCTAssertNotEqual(stories[0].id, stories[1].id, "another cable event is another story")
        XCTAssertEqual(stories[2].articles, 2)
        XCTAssertEqual(stories[2].firstSeen, monday)
        XCTAssertEqual(stories[1].articles, 1)

        let hits = try store.search(SearchQuery(text: "Finland", topic: nil, since: nil, limit: 10))
        XCTAssertEqual(Set(hits.compactMap(\.story?.id)), [stories[0].id], "search shows each hit's story")

        // Tuesday's summary: the Finland story continues from Monday.
        let day = try store.dayStories(from: tuesday, to: tuesday.addingTimeInterval(86_400))
        XCTAssertEqual(day.count, 1)
        XCTAssertEqual(day[0].storyID, stories[0].id)
        XCTAssertEqual(day[0].articleIDs, [ids[2]])
        XCTAssertEqual(day[0].bulletins, 1)
        XCTAssertEqual(day[0].earlierArticles, 1)
        XCTAssertEqual(day[0].firstSeen, monday)
        try assertCountsAgree(from: monday, to: tuesday.addingTimeInterval(86_400))
        try assertCountsAgree(from: tuesday, to: tuesday.addingTimeInterval(86_400))
    }

    /// `dayStoryCounts` (streamed, grouped by SQLite) says what `dayStories` says.
    func assertCountsAgree(from: Date, to: Date, file: StaticString = #filePath, line: UInt = #line) throws {
        var streamed: [DayStoryCount] = []
        try fixture.store.dayStoryCounts(from: from, to: to) { streamed.append($0) }
        let collected = try fixture.store.dayStories(from: from, to: to).compactMap(DayStoryCount.init)
        XCTAssertFalse(collected.isEmpty, file: file, line: line)
        XCTAssertEqual(streamed.sorted { $0.storyID < $1.storyID }, collected.sorted { $0.storyID < $1.storyID },
                       file: file, line: line)
    }

    func testAnArticleStoredAgainKeepsItsStoryAndCountsItsBulletins() throws {
        let store = fixture.store
        let first = article("ICANN opens applications for new generic top-level domains",
                            "ICANN has opened its first round of new gTLD applications since 2012.")
        _ = try store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday, articles: [first]))
        _ = try store.ingest(StoreFixture.bulletin("b.txt", receivedAt: monday.addingTimeInterval(60), articles: [first],
                                                   content: "another file"))
        let (stories, total) = try fixture.store.pool.read { db in
            (try db.fetchValue(Int.self, "SELECT COUNT(*) FROM story")!,
             try db.fetchValue(Int.self, "SELECT articles FROM story")!)
        }
        XCTAssertEqual(stories, 1)
        XCTAssertEqual(total, 1, "the article is stored once, so its story has one article")
        let day = try store.dayStories(from: monday, to: tuesday)
        XCTAssertEqual(day.map(\.bulletins), [2], "carried by two bulletins that day")
        XCTAssertEqual(day.map(\.earlierArticles), [0])
        XCTAssertNil(day[0].firstSeen)
        try assertCountsAgree(from: monday, to: tuesday)
    }

    func testTheFirstArticleOfAStoryIsTheEarliestThenTheSmallestID() throws {
        let store = fixture.store
        let cable = article("Baltic undersea cable cut between Finland and Estonia",
                            "A subsea data cable linking Finland and Estonia was damaged in the Gulf of Finland, and Finnish investigators have boarded a cargo ship suspected of dragging its anchor.")
        let followUp = article("Finland boards ship after Gulf of Finland cable damage",
                               "Finnish police detained a cargo vessel suspected of severing the data cable between Helsinki and Tallinn by dragging its anchor across the seabed.")
        // Two articles of one story at the same moment, then one earlier the same day.
        _ = try store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday.addingTimeInterval(3_600),
                                                   articles: [cable, followUp]))
        let earlier = article("Gulf of Finland cable damaged, ship boarded",
                              "Finnish investigators boarded a cargo ship suspected of dragging its anchor across the subsea data cable linking Finland and Estonia.")
        _ = try store.ingest(StoreFixture.bulletin("b.txt", receivedAt: monday, articles: [earlier], content: "earlier"))
        let day = try store.dayStories(from: monday, to: tuesday)
        XCTAssertTrue(day.contains { $0.articleIDs.count >= 2 }, "the same event told twice at the same moment")
        try assertCountsAgree(from: monday, to: tuesday)
        try assertCountsAgree(from: monday.addingTimeInterval(1_800), to: tuesday)
    }

    func testAThresholdOfOneKeepsRewordedArticlesApart() throws {
        let store = fixture.store
        let strict = StoryMatcher(threshold: 1)
        _ = try store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday, articles: [
            article("Kenya launches its first earth observation satellite", "Taifa-2 was launched on a rideshare mission."),
        ]), stories: strict)
        _ = try store.ingest(StoreFixture.bulletin("b.txt", receivedAt: tuesday, articles: [
            article("Kenya launches its first earth observation satellite", "Taifa-2 was launched on a shared rocket."),
        ]), stories: strict)
        let count = try fixture.store.pool.read { db in try db.fetchValue(Int.self, "SELECT COUNT(DISTINCT story_id) FROM article_story")! }
        XCTAssertEqual(count, 2)
    }

    func testAnArticleStoredBeforeStoriesExistedHasNone() throws {
        _ = try fixture.store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday, articles: [
            article("Old article", "Stored before the v6-stories migration."),
        ]))
        try fixture.store.pool.write { db in try db.execute("DELETE FROM article_story") }
        let id = try fixture.store.pool.read { db in try db.fetchValue(Int64.self, "SELECT id FROM article")! }
        XCTAssertNil(try fixture.store.explain(articleID: id)?.story)
        XCTAssertEqual(try fixture.store.dayStories(from: monday, to: tuesday), [])
    }
}

extension StoreStoryTests {
    /// The band index lives in memory: a second `Store` on the same file (another process:
    /// `bulletind ingest` beside the daemon) finds the stories the first one stored.
    func testAnotherStoreOnTheSameFileFindsTheStoriesStoredByTheFirst() throws {
        _ = try fixture.store.ingest(StoreFixture.bulletin("a.txt", receivedAt: monday, articles: [
            article("Baltic undersea cable cut between Finland and Estonia",
                    "A subsea data cable linking Finland and Estonia was damaged in the Gulf of Finland, and Finnish investigators have boarded a cargo ship suspected of dragging its anchor."),
        ]))
        let second = try Store(path: fixture.path)
        _ = try fixture.store.ingest(StoreFixture.bulletin("b.txt", receivedAt: monday, articles: [
            article("Kora subsea cable lands in Mombasa", "The Kora submarine cable has landed in Mombasa."),
        ]))
        _ = try second.ingest(StoreFixture.bulletin("c.txt", receivedAt: tuesday, articles: [
            article("Investigators probe anchor drag in Finland-Estonia cable break",
                    "The damaged Baltic cable between Finland and Estonia is under investigation; authorities boarded a cargo ship whose anchor may have cut it."),
        ]))
        let stories = try fixture.store.pool.read { db in
            try db.fetchValues(Int64.self, "SELECT story_id FROM article_story ORDER BY article_id")
        }
        XCTAssertEqual(stories.count, 3)
        XCTAssertEqual(stories[0], stories[2])
        XCTAssertNotEqual(stories[0], stories[1])
    }
}
