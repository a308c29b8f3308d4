import Foundation
import Testing
@testable import BulletinStore

/// Per-day counts from one grouped query per kind: each article on its FIRST day, a topic per
/// article-topic pair, days as half-open intervals.
@Suite struct StoreTrendsTests {
    @Test func countsPerDayAndTopic() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let day0 = Date(timeIntervalSince1970: 1_764_000_000)  // any instant
        func at(_ day: Int, _ hours: Double) -> Date { day0.addingTimeInterval(Double(day) * 86_400 + hours * 3_600) }
        let shared = StoreFixture.article("Shared", "Shared body.", topics: [("ai", 2), ("privacy", 1)])
        _ = try fixture.store.ingest(StoreFixture.bulletin("d0.txt", receivedAt: at(0, 1), articles: [
            shared, StoreFixture.article("Cable", "Cable body.", topics: [("connectivity", 1)]),
        ]))
        // Day 1: the shared article again (counted on day 0 only), one new unclassified.
        _ = try fixture.store.ingest(StoreFixture.bulletin("d1.txt", receivedAt: at(1, 2), articles: [
            shared, StoreFixture.article("Other", "Other body.", topics: []),
        ]))
        // Day 2 at exactly its start: belongs to day 2, not day 1.
        _ = try fixture.store.ingest(StoreFixture.bulletin("d2.txt", receivedAt: at(2, 0), articles: [
            StoreFixture.article("AI again", "AI body.", topics: [("ai", 1)]),
        ]))
        let days = (0..<4).map { DayInterval(start: at($0, 0), end: at($0 + 1, 0)) }
        let history = try fixture.store.topicHistory(days: days)
        #expect(history.articles == [2, 1, 1, 0])
        #expect(history.bulletins == [1, 1, 1, 0])
        #expect(history.topics["ai"]?.counts == [1, 0, 1, 0])
        #expect(history.topics["privacy"]?.counts == [1, 0, 0, 0])
        #expect(history.topics["connectivity"] == TopicSeries(id: "connectivity", name: "Connectivity", counts: [1, 0, 0, 0]))
        #expect(try fixture.store.topicHistory(days: []).articles.isEmpty)
        let around = try fixture.store.neighbouringArticles(around: at(1, 0), end: at(2, 0))
        #expect(around.before == at(0, 1))
        #expect(around.after == at(2, 0))
    }
}
