import Foundation
import Testing
import BulletinModel
import BulletinStore
import BulletinStories
import BulletinPostgres

/// Story clusters on both backends: the same articles in the same order make the same
/// stories, `dayStories` says the same, and, in PostgreSQL, daemons see each other's stories.
extension ArchiveConformanceTests {
    /// The labelled story set of the stories tests (Tests/BulletinStoriesTests/Fixtures: our
    /// own invented articles, 35 events told 2–3 times), as bulletins: one per (day, newsletter),
    /// in day order, received at noon UTC.
    static func labelledBulletins() throws -> [IncomingBulletin] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BulletinStoriesTests/Fixtures/labelled-stories.txt")
        var groups: [String: [ClassifiedArticle]] = [:]
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.components(separatedBy: " | ")
            try #require(fields.count == 6, "\(line)")
            let key = fields[2] + " " + fields[3]
            groups[key, default: []].append(Fixture.article(fields[4], fields[5], position: (groups[key]?.count ?? 0) + 1))
        }
        let parser = ISO8601DateFormatter()
        return try groups.keys.sorted().map { key in
            let day = try #require(parser.date(from: String(key.prefix(10)) + "T12:00:00Z"))
            return Fixture.bulletin(key.replacingOccurrences(of: " ", with: "-") + ".txt", receivedAt: day,
                                    articles: groups[key]!)
        }
    }

    /// Each article's title → the titles of its story (every article has one).
    static func storyPartition(_ archive: any BulletinArchive) throws -> [String: Set<String>] {
        let (_, articles) = try archive.wholeDay(from: .distantPast, to: .distantFuture)
        var byStory: [Int64: Set<String>] = [:]
        var storyOf: [String: Int64] = [:]
        for article in articles {
            let story = try #require(try archive.explain(articleID: article.articleID)?.story, "\(article.title)")
            byStory[story.id, default: []].insert(article.title)
            storyOf[article.title] = story.id
        }
        return storyOf.mapValues { byStory[$0]! }
    }

    @Test func theSameArticlesMakeTheSameStoriesOnBothBackends() throws {
        let bulletins = try Self.labelledBulletins()
        #expect(bulletins.count > 20)
        let sqlite = try ArchiveBackend.sqlite.make().archive
        for bulletin in bulletins { _ = try sqlite.ingest(bulletin) }
        // PostgreSQL in batches (stories assigned in batch order, as one at a time).
        let postgres = try ArchiveBackend.postgres.make().archive
        for start in stride(from: 0, to: bulletins.count, by: 4) {
            for result in try postgres.ingest(batch: Array(bulletins[start..<min(bulletins.count, start + 4)])) {
                if case .failure(let error) = result { Issue.record("\(error)") }
            }
        }
        let expected = try Self.storyPartition(sqlite)
        let found = try Self.storyPartition(postgres)
        #expect(expected.count == 110)
        #expect(found == expected)
        // The scenario really clustered: rewordings joined, another event of the topic apart.
        let stories = Set(expected.values)
        #expect(stories.count > 30 && stories.count < 80, "\(stories.count) stories")
        let tromso = try #require(expected["Norway opens hydro-powered AI data centre near Tromsø"])
        #expect(tromso.contains("Hydropower feeds Norway's first Arctic AI facility"))
        #expect(!tromso.contains("Ireland pauses new data centre grid connections around Dublin"))
        // The same stories per day, with the same counts (ids aside).
        let day = ISO8601DateFormatter().date(from: "2026-11-04T00:00:00Z")!
        func shape(_ archive: any BulletinArchive) throws -> [[Int]] {
            try archive.dayStories(from: day, to: day + 86_400).map {
                [$0.articleIDs.count, $0.bulletins, $0.totalArticles, $0.earlierArticles, $0.firstSeen == nil ? 0 : 1]
            }
        }
        #expect(try shape(sqlite) == shape(postgres))
        #expect(try shape(sqlite).contains { $0[3] > 0 }, "a story continuing from an earlier day")
    }

    @Test(arguments: ArchiveBackend.allCases)
    func dayStoriesCountTheDaysArticlesBulletinsAndEarlierOnes(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let cable = Fixture.article("Baltic undersea cable cut between Finland and Estonia",
                                    "A subsea data cable linking Finland and Estonia was damaged in the Gulf of Finland, and Finnish investigators have boarded a cargo ship suspected of dragging its anchor.")
        _ = try archive.ingest(Fixture.bulletin("mon.txt", receivedAt: t0, articles: [cable]))
        let followUp = Fixture.article("Finland boards ship after Gulf of Finland cable damage",
                                       "Finnish police detained a cargo vessel suspected of severing the data cable between Helsinki and Tallinn by dragging its anchor across the seabed.")
        let other = Fixture.article("Kora subsea cable lands in Mombasa",
                                    "The Kora submarine cable, linking East Africa to Europe via the Red Sea, has landed in Mombasa.",
                                    position: 2)
        _ = try archive.ingest(Fixture.bulletin("tue-a.txt", receivedAt: t0 + 86_400, articles: [followUp, other]))
        // The same follow-up in a second bulletin that day: one article, two bulletins.
        _ = try archive.ingest(Fixture.bulletin("tue-b.txt", receivedAt: t0 + 86_500, articles: [followUp]))
        let tuesday = try archive.dayStories(from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(tuesday.count == 2)
        let continuing = try #require(tuesday.first)
        #expect(continuing.articleIDs.count == 1 && continuing.bulletins == 2 && continuing.totalArticles == 2)
        #expect(continuing.earlierArticles == 1 && continuing.firstSeen == t0)
        #expect(tuesday[1].totalArticles == 1 && tuesday[1].earlierArticles == 0 && tuesday[1].firstSeen == nil)
        let story = try #require(try archive.explain(articleID: continuing.articleIDs[0])?.story)
        #expect(story.id == continuing.storyID && story.articles == 2 && story.firstSeen == t0)
        let hits = try archive.search(SearchQuery(text: "Finland"))
        #expect(hits.count == 2 && Set(hits.compactMap(\.story?.id)) == [story.id])
        #expect(try archive.dayStories(from: t0 + 10 * 86_400, to: t0 + 11 * 86_400).isEmpty)
    }

    /// A daemon whose band index was built before another daemon stored an article still finds
    /// that article's story (caught up inside its transaction); and two daemons storing two
    /// tellings of one event at the same moment put them in ONE story (assignment is serialised).
    @Test func daemonsSeeEachOthersStories() throws {
        let (first, database) = try ArchiveBackend.postgres.make(instance: "host-a")
        let second = try ArchiveBackend.postgres.open(database, instance: "host-b")
        _ = try second.ingest(Fixture.bulletin("warm.txt", receivedAt: t0, articles: [
            Fixture.article("Kenya launches its first earth observation satellite", "Taifa-2 was launched on a rideshare mission."),
        ]))
        let rounds = 12
        for round in 0..<rounds {
            let time = t0 + Double(round + 1) * 3_600
            // Words of this round only (a word with a digit is a name: it counts twice).
            let w = (0..<5).map { "kx\(round)n\($0)" }
            let a = Fixture.bulletin("a\(round).txt", receivedAt: time, articles: [Fixture.article(
                "\(w[0]) and \(w[1]) agree merger", "The \(w[2]) deal joins \(w[0]) with \(w[1]) under \(w[3]) rules in \(w[4]).")])
            let b = Fixture.bulletin("b\(round).txt", receivedAt: time, articles: [Fixture.article(
                "\(w[1]) merges with \(w[0])", "Under \(w[3]) rules, \(w[0]) and \(w[1]) close the \(w[2]) deal in \(w[4]).")])
            let errors = Locked<[String]>([])
            PostgresSharedArchiveTests().together([
                { do { _ = try first.ingest(a) } catch { errors.withLock { $0.append("\(error)") } } },
                { do { _ = try second.ingest(b) } catch { errors.withLock { $0.append("\(error)") } } },
            ])
            #expect(errors.withLock { $0 } == [])
            let stories = try first.dayStories(from: time, to: time + 1)
            #expect(stories.map(\.articleIDs.count) == [2], "round \(round): one story of both, not two")
            #expect(stories.first?.totalArticles == 2 && stories.first?.bulletins == 2)
        }
        #expect(try first.stats().articles == 1 + 2 * rounds)
    }
}
