import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore

/// One suite, both backends: every test runs against a real SQLite file and a real PostgreSQL
/// 15 database, and expects the same answers from both.
@Suite struct ArchiveConformanceTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Three bulletins a day apart with invented articles.
    func populated(_ backend: ArchiveBackend) throws -> any BulletinArchive {
        let archive = try backend.make().archive
        _ = try archive.ingest(Fixture.bulletin("mon.txt", receivedAt: t0, articles: [
            Fixture.article("Operators test 6G in the Alps", "Trials of the next network generation began.",
                            topics: [("connectivity", 4)]),
            Fixture.article("Ministers discuss rural broadband", "The plan mentions 6G only once in passing among many other words about towers, fibre and funding.",
                            topics: [("connectivity", 2)]),
        ]))
        _ = try archive.ingest(Fixture.bulletin("tue.txt", receivedAt: t0 + 86_400, articles: [
            Fixture.article("Regulator fines data broker", "The broker sold location data without consent.",
                            why: "Sets a precedent for regulation.", topics: [("privacy", 3)]),
            Fixture.article("Chatbot rules drafted", "Lawmakers drafted rules for chatbots and data protection.",
                            topics: [("ai", 3), ("privacy", 1)]),
        ]))
        _ = try archive.ingest(Fixture.bulletin("wed.txt", receivedAt: t0 + 2 * 86_400, articles: [
            Fixture.article("Café owners protest cookie law", "Small businesses say regulations are unclear.",
                            topics: [("privacy", 2)]),
        ]))
        return archive
    }

    // MARK: - Ingest

    @Test(arguments: ArchiveBackend.allCases)
    func ingestIsIdempotentOnTheContentHash(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let bulletin = Fixture.bulletin("a.txt", receivedAt: t0, articles: [
            Fixture.article("One", "First body.", topics: [("ai", 2)]),
            Fixture.article("Two", "Second body.", position: 2),
        ])
        guard case .ingested(let id, 2, 2) = try archive.ingest(bulletin) else {
            Issue.record("first ingest did not store both articles"); return
        }
        #expect(try archive.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try archive.ingest(bulletin) == .duplicate(bulletinID: id))
        let stats = try archive.stats()
        #expect(stats.bulletins == 1 && stats.articles == 2 && stats.duplicates == 2 && stats.unclassified == 1)
        #expect(try archive.bulletinID(contentHash: bulletin.contentHash) == id)
        #expect(try archive.bulletinID(contentHash: "0000") == nil)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func theSameArticleInTwoBulletinsIsOneArticleLinkedToBoth(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let shared = Fixture.article("Shared story", "Told in both digests.", topics: [("privacy", 2)])
        _ = try archive.ingest(Fixture.bulletin("later.txt", receivedAt: t0 + 3_600, articles: [shared]))
        // The second copy's classification is ignored: the stored article keeps its own.
        let again = Fixture.article("Shared story", "Told in both digests.", topics: [("ai", 9)])
        let outcome = try archive.ingest(Fixture.bulletin("earlier.txt", receivedAt: t0, articles: [
            again, Fixture.article("Fresh", "Only here.", position: 2),
        ]))
        guard case .ingested(_, 2, 1) = outcome else { Issue.record("unexpected \(outcome)"); return }
        let stats = try archive.stats()
        #expect(stats.bulletins == 2 && stats.articles == 2 && stats.duplicates == 0)
        let hit = try #require(try archive.search(SearchQuery(text: "shared")).first)
        #expect(hit.topics == ["privacy"])
        #expect(hit.bulletins == ["earlier.txt", "later.txt"])
        // First received: the earlier of the two arrivals.
        #expect(try archive.articleCount(firstReceivedFrom: t0, to: t0 + 1) == 2)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func aBulletinIsAllOrNothing(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let bad = Fixture.bulletin("bad.txt", receivedAt: t0, articles: [
            Fixture.article("Fine article", "Nothing wrong here."),
            Fixture.article("Ghost topic", "Names a topic nobody has.", position: 2, topics: [("ghost", 1)]),
        ])
        #expect(throws: StoreError.unknownTopic("ghost")) { try archive.ingest(bad) }
        #expect(try archive.stats().articles == 0)
        #expect(try archive.stats().bulletins == 0)
        let good1 = Fixture.bulletin("good1.txt", receivedAt: t0, articles: [Fixture.article("Good one", "Body one.")])
        let good2 = Fixture.bulletin("good2.txt", receivedAt: t0, articles: [Fixture.article("Good two", "Body two.")])
        let results = try archive.ingest(batch: [good1, bad, good2])
        #expect(results.count == 3)
        if case .success(.ingested) = results[0] {} else { Issue.record("good1: \(results[0])") }
        #expect(results[1] == .failure(.unknownTopic("ghost")))
        if case .success(.ingested) = results[2] {} else { Issue.record("good2: \(results[2])") }
        let stats = try archive.stats()
        #expect(stats.bulletins == 2 && stats.articles == 2)
        #expect(try archive.titles("fine OR ghost").isEmpty)
        // A bulletin without articles is refused, and nothing is stored.
        #expect(throws: StoreError.self) {
            try archive.ingest(Fixture.bulletin("empty.txt", receivedAt: t0, articles: [], content: "empty"))
        }
        #expect(try archive.stats().bulletins == 2)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func filedAndUnfiled(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let bulletin = Fixture.bulletin("inbox.txt", receivedAt: t0, articles: [Fixture.article("Moving", "Out of the inbox.")],
                                        awaitingFiling: true)
        guard case .ingested(let id, _, _) = try archive.ingest(bulletin) else { Issue.record("not stored"); return }
        #expect(try archive.filedStates(contentHashes: [bulletin.contentHash, "feed"]) == [bulletin.contentHash: false])
        #expect(try archive.unfiledBulletins().map(\.id) == [id])
        #expect(try archive.unfiledBulletins().first?.fileName == "inbox.txt")
        // Found again before it was filed (the daemon stopped in between): not a duplicate.
        #expect(try archive.ingest(bulletin) == .awaitingFiling(bulletinID: id))
        #expect(try archive.stats().duplicates == 0)
        try archive.markFiled(bulletinID: id)
        #expect(try archive.unfiledBulletins().isEmpty)
        #expect(try archive.filedStates(contentHashes: [bulletin.contentHash]) == [bulletin.contentHash: true])
        #expect(try archive.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try archive.stats().duplicates == 1)
        try archive.markFiled(bulletinIDs: [])
    }

    @Test(arguments: ArchiveBackend.allCases)
    func syncTopicsKeepsTopicsInUse(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        try archive.syncTopics([Topic(id: "privacy", name: "Data protection", rule: "", threshold: 1),
                                Topic(id: "space", name: "Space", rule: "", threshold: 1)])
        let topics = try archive.stats().topics
        // connectivity and ai still have articles: kept; privacy renamed; space added.
        #expect(topics == [
            TopicCount(id: "privacy", name: "Data protection", articles: 3),
            TopicCount(id: "connectivity", name: "Connectivity", articles: 2),
            TopicCount(id: "ai", name: "Artificial intelligence", articles: 1),
            TopicCount(id: "space", name: "Space", articles: 0),
        ])
    }

    // MARK: - Search

    @Test(arguments: ArchiveBackend.allCases)
    func titleMatchRanksAboveBodyMatch(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let hits = try archive.search(SearchQuery(text: "6G"))
        #expect(hits.map(\.title) == ["Operators test 6G in the Alps", "Ministers discuss rural broadband"])
        #expect(hits.count == 2 && hits[0].rank < hits[1].rank)
        #expect(hits.allSatisfy { $0.snippet.contains("[6G]") })
        #expect(hits.first?.bulletins == ["mon.txt"])
        #expect(hits.first?.topics == ["connectivity"])
        #expect(hits.first?.receivedAt == t0)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func queryLanguage(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        #expect(try archive.titles("\"location data\"") == ["Regulator fines data broker"])
        #expect(try archive.titles("\"data location\"").isEmpty)
        #expect(try archive.titles("regulat*") == ["Regulator fines data broker", "Café owners protest cookie law"])
        #expect(try archive.titles("data NOT broker") == ["Chatbot rules drafted"])
        #expect(try archive.titles("data AND NOT broker") == ["Chatbot rules drafted"])
        #expect(try archive.titles("broker OR cookie") == ["Regulator fines data broker", "Café owners protest cookie law"])
        #expect(try archive.titles("cafe") == ["Café owners protest cookie law"])
        #expect(try archive.titles("CAFÉ") == ["Café owners protest cookie law"])
        #expect(try archive.titles("(broker OR chatbots) data") == ["Regulator fines data broker", "Chatbot rules drafted"])
        #expect(try archive.titles("title:data").isEmpty)
        #expect(try archive.titles("data", topic: "ai") == ["Chatbot rules drafted"])
        #expect(try archive.titles("data", since: t0 + 86_400) == ["Regulator fines data broker", "Chatbot rules drafted"])
        #expect(try archive.titles("regulat*", since: t0 + 2 * 86_400) == ["Café owners protest cookie law"])
        #expect(try archive.titles("precedent") == ["Regulator fines data broker"])  // in "why it matters"
        #expect(try archive.titles("o'brien OR 'quoted' OR back\\slash").isEmpty)
        #expect(try archive.search(SearchQuery(text: "data", limit: 1)).count == 1)
        #expect(try archive.search(SearchQuery(text: "data", limit: 0)).isEmpty)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func malformedQueriesThrowReadableErrors(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        for text in ["", "   ", "\"open phrase", "data OR", "OR data", "NOT data", "data AND", "(data",
                     "data)", "*", "data OR OR broker", "()"] {
            do {
                _ = try archive.search(SearchQuery(text: text))
                Issue.record("expected invalidQuery for \(text.debugDescription)")
            } catch let StoreError.invalidQuery(message) {
                #expect(!message.isEmpty && !message.contains("\n"))
            }
        }
    }

    /// Random mixes of words and syntax give `.invalidQuery` or an answer: never a database error.
    @Test(arguments: ArchiveBackend.allCases)
    func randomQueriesNeverLeakDatabaseErrors(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let pieces = ["data", "6G", "\"", "(", ")", "*", "OR", "AND", "NOT", "NEAR", "-", ":", "^", "title:",
                      "rules", "\"\"", "'", "{", "}", "+", "é", "&", "!", "|", "<->", ":*", "\\", " "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var valid = 0
        for _ in 0..<300 {
            var query = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                query += pieces[Int(state >> 33) % pieces.count]
                if state & 1 == 0 { query += " " }
            }
            do {
                _ = try archive.search(SearchQuery(text: query))
                valid += 1
            } catch is StoreError {
            } catch {
                Issue.record("\(query.debugDescription): \(String(reflecting: error))")
            }
        }
        #expect(valid > 50)
    }

    // MARK: - Explain, reclassify, stats

    @Test(arguments: ArchiveBackend.allCases)
    func explainListsTopicsAndTerms(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let hit = try #require(try archive.search(SearchQuery(text: "chatbots")).first)
        let explanation = try #require(try archive.explain(articleID: hit.articleID))
        #expect(explanation.title == "Chatbot rules drafted")
        #expect(explanation.bulletins == ["tue.txt"])
        #expect(explanation.topics == [
            ExplainedTopic(id: "ai", name: "Artificial intelligence", score: 3, matchedTerms: ["term-ai", "a/b"]),
            ExplainedTopic(id: "privacy", name: "Privacy", score: 1, matchedTerms: ["term-privacy", "a/b"]),
        ])
        #expect(try archive.explain(articleID: 9_999) == nil)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func reclassifyReportsChangesAndIsAllOrNothing(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let report = try archive.reclassify { article in
            (article.title + " " + article.body).lowercased().contains("data")
                ? [TopicMatch(topicID: "privacy", score: 5, matchedTerms: ["data"])] : []
        }
        #expect(report.articles == 5)
        let byTitle = Dictionary(uniqueKeysWithValues: report.changes.map { ($0.title, $0) })
        #expect(byTitle.count == 4)
        #expect(byTitle["Chatbot rules drafted"]?.removed == ["ai"])
        #expect(byTitle["Chatbot rules drafted"]?.added == [])
        #expect(byTitle["Operators test 6G in the Alps"]?.removed == ["connectivity"])
        #expect(byTitle["Café owners protest cookie law"]?.removed == ["privacy"])
        let stats = try archive.stats()
        #expect(stats.unclassified == 3)
        #expect(stats.topics.first == TopicCount(id: "privacy", name: "Privacy", articles: 2))
        #expect(throws: StoreError.unknownTopic("ghost")) {
            try archive.reclassify { _ in [TopicMatch(topicID: "ghost", score: 1, matchedTerms: [])] }
        }
        #expect(try archive.stats() == stats)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func statsCountEverything(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let stats = try archive.stats()
        #expect(stats == StoreStats(bulletins: 3, articles: 5, duplicates: 0, unclassified: 0, topics: [
            TopicCount(id: "privacy", name: "Privacy", articles: 3),
            TopicCount(id: "connectivity", name: "Connectivity", articles: 2),
            TopicCount(id: "ai", name: "Artificial intelligence", articles: 1),
        ]))
    }

    // MARK: - Summary queries

    @Test(arguments: ArchiveBackend.allCases)
    func dayBoundariesAreHalfOpen(_ backend: ArchiveBackend) throws {
        let archive = try populated(backend)
        let tuesday = try archive.wholeDay(from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(tuesday.bulletins == 1)
        #expect(tuesday.articles.map(\.title) == ["Regulator fines data broker", "Chatbot rules drafted"])
        #expect(tuesday.articles.last?.topics.map(\.id) == ["ai", "privacy"])
        #expect(tuesday.articles.first?.sources == ["tue.txt"])
        #expect(tuesday.articles.first?.why == "Sets a precedent for regulation.")
        let justBefore = try archive.wholeDay(from: t0 + 1, to: t0 + 86_400)
        #expect(justBefore.bulletins == 0 && justBefore.articles.isEmpty)
        _ = try archive.ingest(Fixture.bulletin("thu.txt", receivedAt: t0 + 3 * 86_400, articles: [
            Fixture.article("Regulator fines data broker", "The broker sold location data without consent.",
                            why: "Sets a precedent for regulation."),
        ]))
        let thursday = try archive.wholeDay(from: t0 + 3 * 86_400, to: t0 + 4 * 86_400)
        #expect(thursday.bulletins == 1 && thursday.articles.isEmpty)
        let again = try archive.wholeDay(from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(again.articles.first?.sources == ["tue.txt", "thu.txt"])
    }

    @Test(arguments: ArchiveBackend.allCases)
    func dayMergesTopicsAndSourcesInArrivalOrder(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        let day = t0 + 10 * 86_400
        _ = try archive.ingest(Fixture.bulletin("late.txt", receivedAt: day + 10 * 3_600, articles: [
            Fixture.article("Alpha", "First stored, arrives last.", topics: [("privacy", 1), ("ai", 5)]),
            Fixture.article("Beta", "Also in the early bulletin.", topics: [("connectivity", 2)]),
        ]))
        _ = try archive.ingest(Fixture.bulletin("early.txt", receivedAt: day + 2 * 3_600, articles: [
            Fixture.article("Beta", "Also in the early bulletin."),
            Fixture.article("Gamma", "Listed twice in this bulletin.", position: 2),
            Fixture.article("Gamma", "Listed twice in this bulletin.", position: 3),
            Fixture.article("Delta", "No topic at all.", position: 4),
        ]))
        let result = try archive.wholeDay(from: day, to: day + 86_400)
        #expect(result.bulletins == 2)
        #expect(result.articles.map(\.title) == ["Beta", "Gamma", "Delta", "Alpha"])
        #expect(result.articles.map { $0.topics.map(\.id) } == [["connectivity"], [], [], ["ai", "privacy"]])
        #expect(result.articles.map(\.sources) == [["early.txt", "late.txt"], ["early.txt"], ["early.txt"], ["late.txt"]])
        #expect(try archive.articleCount(firstReceivedFrom: day, to: day + 86_400) == 4)
        #expect(try archive.articleCount(firstReceivedFrom: day + 3 * 3_600, to: day + 86_400) == 1)
        #expect(try archive.articleCount(firstReceivedFrom: day + 86_400, to: day + 2 * 86_400) == 0)
    }

    @Test(arguments: ArchiveBackend.allCases)
    func dayReadsPrefixesUnlessTheWholeTextIsNeeded(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        _ = try archive.ingest(Fixture.bulletin("p.txt", receivedAt: t0, articles: [
            Fixture.article("Short", "Tiny.", why: "Wee."),
            Fixture.article("Accents", "ééééé long body", why: "why that is long", position: 2),
            Fixture.article("Wanted", "WHOLE body please", why: nil, position: 3),
        ]))
        var asked: [String] = []
        let result = try archive.wholeDay(from: t0, to: t0 + 1, textPrefix: 5) { text in
            asked.append(text)
            return text.hasPrefix("WHOLE")
        }
        #expect(result.articles.map(\.body) == ["Tiny.", "ééééé", "WHOLE body please"])
        #expect(result.articles.map(\.why) == ["Wee.", "why t", nil])
        #expect(asked.sorted() == ["WHOLE", "why t", "ééééé"])
        let whole = try archive.wholeDay(from: t0, to: t0 + 1)
        #expect(whole.articles.map(\.body) == ["Tiny.", "ééééé long body", "WHOLE body please"])
    }

    /// More articles in a day than one page of the PostgreSQL reader: all, in order, once.
    @Test(arguments: ArchiveBackend.allCases)
    func aLargeDayComesWholeAndInOrder(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        var batch: [IncomingBulletin] = []
        for b in 0..<60 {
            batch.append(Fixture.bulletin("b\(b).txt", receivedAt: t0 + Double(3_599 - b * 60), articles: (0..<20).map { a in
                Fixture.article("Story \(b)-\(a)", "Body of story \(b) \(a).", position: a + 1, topics: a % 3 == 0 ? [("ai", 1)] : [])
            }))
        }
        _ = try archive.ingest(batch: batch)
        let result = try archive.wholeDay(from: t0, to: t0 + 3_600)
        #expect(result.bulletins == 60)
        #expect(result.articles.count == 1_200)
        #expect(Set(result.articles.map(\.articleID)).count == 1_200)
        let times = result.articles.map(\.firstReceivedAt)
        #expect(times == times.sorted())
        #expect(result.articles.filter { !$0.topics.isEmpty }.count == 60 * 7)
    }

    // MARK: - Boilerplate memory

    @Test(arguments: ArchiveBackend.allCases)
    func boilerplateIsRememberedPerSender(_ backend: ArchiveBackend) throws {
        let archive = try backend.make().archive
        #expect(try archive.knownBoilerplate(sender: "news@example.org").isEmpty)
        for n in 0..<3 {
            var bulletin = Fixture.bulletin("n\(n).txt", receivedAt: t0 + Double(n), articles: [
                Fixture.article("Issue \(n)", "Unique body \(n)."),
            ])
            bulletin.boilerplateSender = "news@example.org"
            bulletin.boilerplateFingerprints = [42, 7, Int64(100 + n)]
            _ = try archive.ingest(bulletin)
        }
        #expect(try archive.knownBoilerplate(sender: "news@example.org") == [42, 7])
        #expect(try archive.knownBoilerplate(sender: "other@example.org").isEmpty)
    }
}
