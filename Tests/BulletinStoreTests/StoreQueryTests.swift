import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import SQLite
@testable import BulletinStore

@Suite struct StoreQueryTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Three bulletins a day apart with invented articles.
    func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        _ = try fixture.store.ingest(StoreFixture.bulletin("mon.txt", receivedAt: t0, articles: [
            StoreFixture.article("Operators test 6G in the Alps", "Trials of the next network generation began.",
                                 topics: [("connectivity", 4)]),
            StoreFixture.article("Ministers discuss rural broadband", "The plan mentions 6G only once in passing among many other words about towers, fibre and funding.",
                                 topics: [("connectivity", 2)]),
        ]))
        _ = try fixture.store.ingest(StoreFixture.bulletin("tue.txt", receivedAt: t0 + 86_400, articles: [
            StoreFixture.article("Regulator fines data broker", "The broker sold location data without consent.",
                                 why: "Sets a precedent for regulation.", topics: [("privacy", 3)]),
            StoreFixture.article("Chatbot rules drafted", "Lawmakers drafted rules for chatbots and data protection.",
                                 topics: [("ai", 3), ("privacy", 1)]),
        ]))
        _ = try fixture.store.ingest(StoreFixture.bulletin("wed.txt", receivedAt: t0 + 2 * 86_400, articles: [
            StoreFixture.article("Café owners protest cookie law", "Small businesses say regulations are unclear.",
                                 topics: [("privacy", 2)]),
        ]))
        return fixture
    }

    /// The writer keeps its temporary files in memory; the readers keep SQLite's default (on
    /// disk), so the sorter of a large grouped read spills instead of holding every row.
    @Test func readersSortOnDiskTheWriterInMemory() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        let writer = try fixture.store.pool.writeWithoutTransaction { try $0.fetchValue(Int.self, "PRAGMA temp_store") }
        let reader = try fixture.store.pool.read { try $0.fetchValue(Int.self, "PRAGMA temp_store") }
        #expect(writer == 2)
        #expect(reader == 0)
    }

    @Test func titleMatchRanksAboveBodyMatchAnd6GWorks() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        let hits = try fixture.store.search(SearchQuery(text: "6G"))
        #expect(hits.map(\.title) == ["Operators test 6G in the Alps", "Ministers discuss rural broadband"])
        #expect(hits[0].rank < hits[1].rank)
        #expect(hits[0].snippet.contains("[6G]"))
        #expect(hits[1].snippet.contains("[6G]"))
        #expect(hits[0].bulletins == ["mon.txt"])
        #expect(hits[0].topics == ["connectivity"])
    }

    @Test func phrasePrefixNotOrAndDiacritics() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        func titles(_ text: String, topic: String? = nil, since: Date? = nil) throws -> Set<String> {
            Set(try fixture.store.search(SearchQuery(text: text, topic: topic, since: since)).map(\.title))
        }
        #expect(try titles("\"location data\"") == ["Regulator fines data broker"])
        #expect(try titles("\"data location\"").isEmpty)
        #expect(try titles("regulat*") == ["Regulator fines data broker", "Café owners protest cookie law"])
        #expect(try titles("data NOT broker") == ["Chatbot rules drafted"])
        #expect(try titles("data AND NOT broker") == ["Chatbot rules drafted"])
        #expect(try titles("broker OR cookie") == ["Regulator fines data broker", "Café owners protest cookie law"])
        #expect(try titles("cafe") == ["Café owners protest cookie law"])
        #expect(try titles("(broker OR chatbots) data") == ["Regulator fines data broker", "Chatbot rules drafted"])
        // Text that would be FTS5 syntax is just words.
        #expect(try titles("title:data").isEmpty)
        #expect(try titles("data", topic: "ai") == ["Chatbot rules drafted"])
        #expect(try titles("data", since: t0 + 86_400) == ["Regulator fines data broker", "Chatbot rules drafted"])
        #expect(try titles("regulat*", since: t0 + 2 * 86_400) == ["Café owners protest cookie law"])
        #expect(try fixture.store.search(SearchQuery(text: "data", limit: 1)).count == 1)
    }

    @Test func malformedQueriesThrowReadableErrors() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        for text in ["", "   ", "\"open phrase", "data OR", "OR data", "NOT data", "data AND", "(data",
                     "data)", "*", "data OR OR broker", "()"] {
            do {
                _ = try fixture.store.search(SearchQuery(text: text))
                Issue.record("expected invalidQuery for \(text.debugDescription)")
            } catch let StoreError.invalidQuery(message) {
                #expect(!message.isEmpty && !message.contains("\n"))
                #expect(!message.lowercased().contains("sql") && !message.contains("fts5"))
            }
        }
    }

    @Test func translatorQuotesEveryToken() throws {
        #expect(try SearchQueryTranslator.fts5("6G rollout") == "(\"6G\" AND \"rollout\")")
        #expect(try SearchQueryTranslator.fts5("a OR b c") == "(\"a\" OR (\"b\" AND \"c\"))")
        #expect(try SearchQueryTranslator.fts5("regul* NEAR x") == "((\"regul\"* AND \"NEAR\") AND \"x\")")
        #expect(try SearchQueryTranslator.fts5("\"data prot\"*") == "\"data prot\"*")
    }

    @Test func explainListsTopicsAndTerms() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        let hit = try #require(fixture.store.search(SearchQuery(text: "chatbots")).first)
        let explanation = try #require(try fixture.store.explain(articleID: hit.articleID))
        #expect(explanation.title == "Chatbot rules drafted")
        #expect(explanation.bulletins == ["tue.txt"])
        #expect(explanation.topics == [
            ExplainedTopic(id: "ai", name: "Artificial intelligence", score: 3, matchedTerms: ["term-ai"]),
            ExplainedTopic(id: "privacy", name: "Privacy", score: 1, matchedTerms: ["term-privacy"]),
        ])
        #expect(try fixture.store.explain(articleID: 9_999) == nil)
    }

    @Test func reclassifyReportsChanges() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        // New rules: anything mentioning "data" is privacy only; everything else keeps nothing.
        let report = try fixture.store.reclassify { article in
            (article.title + " " + article.body).lowercased().contains("data")
                ? [TopicMatch(topicID: "privacy", score: 5, matchedTerms: ["data"])] : []
        }
        #expect(report.articles == 5)
        let byTitle = Dictionary(uniqueKeysWithValues: report.changes.map { ($0.title, $0) })
        #expect(byTitle.count == 4)  // the data broker article stays "privacy" only
        #expect(byTitle["Chatbot rules drafted"]?.removed == ["ai"])
        #expect(byTitle["Chatbot rules drafted"]?.added == [])
        #expect(byTitle["Operators test 6G in the Alps"]?.removed == ["connectivity"])
        #expect(byTitle["Café owners protest cookie law"]?.removed == ["privacy"])
        let stats = try fixture.store.stats()
        #expect(stats.unclassified == 3)
        #expect(stats.topics.first == TopicCount(id: "privacy", name: "Privacy", articles: 2))

        // A topic that does not exist rolls the whole reclassification back.
        #expect(throws: StoreError.unknownTopic("ghost")) {
            try fixture.store.reclassify { _ in [TopicMatch(topicID: "ghost", score: 1, matchedTerms: [])] }
        }
        #expect(try fixture.store.stats() == stats)
    }

    @Test func dayBoundariesAreHalfOpen() throws {
        let fixture = try populated()
        defer { fixture.cleanUp() }
        let tuesday = try fixture.store.wholeDay(from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(tuesday.bulletins == 1)
        #expect(tuesday.articles.map(\.title) == ["Regulator fines data broker", "Chatbot rules drafted"])
        #expect(tuesday.articles[1].topics.map(\.id) == ["ai", "privacy"])
        #expect(tuesday.articles[0].sources == ["tue.txt"])
        #expect(tuesday.articles[0].why == "Sets a precedent for regulation.")
        let justBefore = try fixture.store.wholeDay(from: t0 + 1, to: t0 + 86_400)
        #expect(justBefore.bulletins == 0)
        #expect(justBefore.articles.isEmpty)

        // An old article arriving again the next day is not new that day, but gains a source.
        _ = try fixture.store.ingest(StoreFixture.bulletin("thu.txt", receivedAt: t0 + 3 * 86_400, articles: [
            StoreFixture.article("Regulator fines data broker", "The broker sold location data without consent.",
                                 why: "Sets a precedent for regulation."),
        ]))
        let thursday = try fixture.store.wholeDay(from: t0 + 3 * 86_400, to: t0 + 4 * 86_400)
        #expect(thursday.bulletins == 1)
        #expect(thursday.articles.isEmpty)
        let again = try fixture.store.wholeDay(from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(again.articles[0].sources == ["tue.txt", "thu.txt"])
    }
}

extension StoreQueryTests {
    /// Arrival order differs from id order (an article seen again earlier moves up); each
    /// article gets exactly its own topics and sources, however the three cursors interleave.
    @Test func dayMergesTopicsAndSourcesInArrivalOrder() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        let day = t0 + 10 * 86_400
        _ = try fixture.store.ingest(StoreFixture.bulletin("late.txt", receivedAt: day + 10 * 3_600, articles: [
            StoreFixture.article("Alpha", "First stored, arrives last.", topics: [("privacy", 1), ("ai", 5)]),
            StoreFixture.article("Beta", "Also in the early bulletin.", topics: [("connectivity", 2)]),
        ]))
        _ = try fixture.store.ingest(StoreFixture.bulletin("early.txt", receivedAt: day + 2 * 3_600, articles: [
            StoreFixture.article("Beta", "Also in the early bulletin."),
            StoreFixture.article("Gamma", "Listed twice in this bulletin.", position: 2),
            StoreFixture.article("Gamma", "Listed twice in this bulletin.", position: 3),
            StoreFixture.article("Delta", "No topic at all.", position: 4),
        ]))
        let result = try fixture.store.wholeDay(from: day, to: day + 86_400)
        #expect(result.bulletins == 2)
        #expect(result.articles.map(\.title) == ["Beta", "Gamma", "Delta", "Alpha"])
        #expect(result.articles.map { $0.topics.map(\.id) } == [["connectivity"], [], [], ["ai", "privacy"]])
        #expect(result.articles.map(\.sources) == [["early.txt", "late.txt"], ["early.txt"], ["early.txt"], ["late.txt"]])
        #expect(try fixture.store.articleCount(firstReceivedFrom: day, to: day + 86_400) == 4)
        #expect(try fixture.store.articleCount(firstReceivedFrom: day + 3 * 3_600, to: day + 86_400) == 1)
        #expect(try fixture.store.articleCount(firstReceivedFrom: day + 86_400, to: day + 2 * 86_400) == 0)
    }

    /// A prefix counts characters (Unicode scalars); a cut text is read whole only when the
    /// caller asks, and the caller is never asked about a text that was not cut.
    @Test func dayReadsPrefixesUnlessTheWholeTextIsNeeded() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("p.txt", receivedAt: t0, articles: [
            StoreFixture.article("Short", "Tiny.", why: "Wee."),
            StoreFixture.article("Accents", "ééééé long body", why: "why that is long", position: 2),
            StoreFixture.article("Wanted", "WHOLE body please", why: nil, position: 3),
        ]))
        var asked: [String] = []
        let result = try fixture.store.wholeDay(from: t0, to: t0 + 1, textPrefix: 5) { text in
            asked.append(text)
            return text.hasPrefix("WHOLE")
        }
        #expect(result.articles.map(\.body) == ["Tiny.", "ééééé", "WHOLE body please"])
        #expect(result.articles.map(\.why) == ["Wee.", "why t", nil])
        #expect(asked.sorted() == ["WHOLE", "why t", "ééééé"])
        let whole = try fixture.store.wholeDay(from: t0, to: t0 + 1)
        #expect(whole.articles.map(\.body) == ["Tiny.", "ééééé long body", "WHOLE body please"])
    }
}

@Suite struct SearchQueryFuzzTests {
    /// Random mixes of words and syntax either give `.invalidQuery` or a query SQLite accepts:
    /// never an SQL error, never a crash.
    @Test func randomQueriesNeverLeakSQLErrors() throws {
        let fixture = try StoreFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.store.ingest(StoreFixture.bulletin("x.txt", receivedAt: Date(), articles: [
            StoreFixture.article("Spectrum policy", "Regulators and 6G data rules."),
        ]))
        let pieces = ["data", "6G", "\"", "(", ")", "*", "OR", "AND", "NOT", "NEAR", "-", ":", "^", "title:",
                      "rules", "\"\"", "'", "{", "}", "+", "é", "&", " ", "  "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var valid = 0
        for _ in 0..<400 {
            var query = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                query += pieces[Int(state >> 33) % pieces.count]
                if state & 1 == 0 { query += " " }
            }
            do {
                _ = try fixture.store.search(SearchQuery(text: query))
                valid += 1
            } catch let StoreError.invalidQuery(message) {
                #expect(message != "the search index could not understand this query", "\(query.debugDescription)")
            }
        }
        #expect(valid > 0)
        let long = Array(repeating: "data", count: 1000).joined(separator: " ")
        #expect(throws: StoreError.self) { try fixture.store.search(SearchQuery(text: long)) }
    }
}
