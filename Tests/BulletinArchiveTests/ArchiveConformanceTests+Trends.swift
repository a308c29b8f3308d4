import Foundation
import Testing
import BulletinClassifier
import BulletinStore

/// The summary's trend queries on both backends: the same counts per day, and a topic-rows
/// floor that stays while articles come in and moves when their topics are assigned again
/// (what `TrendCache` relies on to keep a day's counts).
extension ArchiveConformanceTests {
    func days(_ count: Int, from start: Date) -> [DayInterval] {
        (0..<count).map { DayInterval(start: start + Double($0) * 86_400, end: start + Double($0 + 1) * 86_400) }
    }

    @Test func dayAndTopicCountsAgreeBetweenBackends() throws {
        let sqlite = try populated(.sqlite)
        let postgres = try populated(.postgres)
        let window = days(5, from: t0 - 86_400)
        let (expected, found) = (try sqlite.dayCounts(days: window), try postgres.dayCounts(days: window))
        #expect(expected.articles == [0, 2, 2, 1, 0] && expected.bulletins == [0, 1, 1, 1, 0])
        #expect(found.articles == expected.articles && found.bulletins == expected.bulletins)
        let topics = try sqlite.topicCounts(days: window)
        #expect(topics["privacy"]?.counts == [0, 0, 2, 1, 0] && topics["ai"]?.name == "Artificial intelligence")
        #expect(try postgres.topicCounts(days: window) == topics)
        #expect(try postgres.topicNames() == sqlite.topicNames())
        #expect(try postgres.topicHistory(days: window) == sqlite.topicHistory(days: window))
        #expect(try postgres.dayCounts(days: []).articles.isEmpty && postgres.topicCounts(days: []).isEmpty)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func dayCountsNameEachDaysLastArticleAndTheFloorMovesOnlyOnReclassify(_ backend: ArchiveBackend) throws {
        let (archive, database) = try backend.make()
        _ = try archive.ingest(Fixture.bulletin("mon.txt", receivedAt: t0, articles: [
            Fixture.article("Operators test 6G", "Trials began.", topics: [("connectivity", 4)]),
            Fixture.article("Broker fined", "Location data sold.", position: 2, topics: [("privacy", 3)]),
        ]))
        let window = days(2, from: t0)
        let before = try archive.dayCounts(days: window)
        let monday = try archive.wholeDay(from: t0, to: t0 + 86_400).articles.map(\.articleID)
        #expect(before.articles == [2, 0] && before.lastArticleIDs == [monday.max()!, 0])

        // New articles: the day's pair changes, the floor does not.
        _ = try archive.ingest(Fixture.bulletin("tue.txt", receivedAt: t0 + 86_400, articles: [
            Fixture.article("Chatbot rules drafted", "Lawmakers drafted rules.", topics: [("ai", 3)]),
        ]))
        let later = try archive.dayCounts(days: window)
        #expect(later.topicRowsFloor == before.topicRowsFloor)
        #expect(later.articles == [2, 1] && later.lastArticleIDs[0] == before.lastArticleIDs[0] && later.lastArticleIDs[1] > 0)

        // Topics assigned again, by another process on the same archive: the floor moves.
        let other = try backend.open(database, instance: "host-b")
        _ = try other.reclassify { _ in [TopicMatch(topicID: "privacy", score: 1, matchedTerms: [])] }
        let after = try archive.dayCounts(days: window)
        #expect(after.topicRowsFloor != later.topicRowsFloor)
        #expect(after.articles == later.articles && after.lastArticleIDs == later.lastArticleIDs)
        #expect(try archive.topicCounts(days: window)["privacy"]?.counts == [2, 1])
        // And again: a second reclassification moves it again.
        _ = try archive.reclassify { _ in [] }
        #expect(try archive.dayCounts(days: window).topicRowsFloor != after.topicRowsFloor)
        #expect(try archive.topicCounts(days: window).isEmpty)
    }
}
