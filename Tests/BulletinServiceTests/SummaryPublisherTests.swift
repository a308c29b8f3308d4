import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinSummary
@testable import BulletinService

/// The publisher on a real SQLite file and a real folder: trends from the store's per-day
/// counts, the three formats, the index, day links, the week at the end of a week, catching up.
@Suite struct SummaryPublisherTests {
    let zurich = try! LocalCalendar(name: "Europe/Zurich")

    func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 9) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zurich")!
        return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))!
    }

    /// A store with topics ai, cables, quantum; `days` maps a November day to its articles' topics.
    func store(in folder: URL, days: [(day: Int, topics: [[String]])]) throws -> Store {
        let store = try Store(path: folder.appendingPathComponent("db.sqlite").path)
        try store.syncTopics(["ai", "cables", "quantum"].map { Topic(id: $0, name: $0.capitalized, rule: "", threshold: 1) })
        for (day, topics) in days {
            let name = "bulletin-11-\(day).eml"
            let articles = topics.enumerated().map { index, ids in
                ClassifiedArticle(article: Article(title: "Story \(day)-\(index)", body: "Body \(day) \(index).", why: nil, position: index + 1),
                                  topics: ids.enumerated().map { TopicMatch(topicID: $1, score: Double(10 - $0), matchedTerms: []) })
            }
            _ = try store.ingest(IncomingBulletin(
                fileName: name, contentHash: ContentHash.of(Data(name.utf8)), size: 10, format: "email", encoding: "utf-8",
                receivedAt: date(2026, 11, day), bulletinDate: date(2026, 11, day, 6), title: "Policy Weekly \(day)",
                articles: articles))
        }
        return store
    }

    /// Nov 2026: 16th is a Monday; W47 = 16…22, W48 = 23…29.
    var aMonth: [(day: Int, topics: [[String]])] {
        var days: [(Int, [[String]])] = []
        for day in 16...28 where day != 21 && day != 22 {
            days.append((day, [["ai"], ["cables"]]))
        }
        // The 29th (a Sunday): ai rises (4 against a mean of 1), quantum is new.
        days.append((29, [["ai"], ["ai", "cables"], ["ai"], ["ai"], ["quantum"]]))
        return days
    }

    @Test func aDayWithTrendsInEveryFormatAndTheWeekWhenItEnds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publisher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder, days: aMonth)
        let summaries = folder.appendingPathComponent("summaries").path
        let publisher = SummaryPublisher(store: store, folder: summaries, calendar: zurich)

        let written = try publisher.finishDay(date(2026, 11, 29, 23), now: date(2026, 11, 30, 0))
        #expect(written.map(\.label) == ["2026-11-29", "2026-W48"])
        for files in written {
            #expect(files.all.count == 3)
            for path in files.all {
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect((attributes[.posixPermissions] as? Int) == 0o640, "\(path)")
            }
        }
        let summary = try JSONDecoder().decode(DaySummary.self, from: Data(contentsOf: URL(fileURLWithPath: written[0].json!)))
        let byID = Dictionary(uniqueKeysWithValues: summary.topics.map { ($0.id, $0) })
        #expect(byID["ai"]?.articles == 4)
        #expect(byID["ai"]?.mean == 1)
        #expect(byID["ai"]?.rising == true)
        #expect(byID["quantum"]?.new == true)
        #expect(byID["cables"]?.listedUnder == [TopicTrend.Placement(section: "Ai", articles: 1)])
        #expect(byID["ai"]?.history.count == 30)
        #expect(summary.previousDay == "2026-11-28")
        #expect(summary.nextDay == nil)
        #expect(summary.changes?.articlesYesterday == 2)
        let entry = try #require(summary.sections.first?.articles.first)
        #expect(entry.newsletters == [SummarySource(file: "bulletin-11-29.eml", title: "Policy Weekly 29", date: "2026-11-29")])

        let markdown = try String(contentsOfFile: written[0].markdown!, encoding: .utf8)
        #expect(markdown.contains("Since yesterday: 5 articles (yesterday 2) · rising: Ai · new: Quantum"))
        #expect(markdown.contains("— source: Policy Weekly 29, 2026-11-29"))

        let week = try JSONDecoder().decode(WeekSummary.self, from: Data(contentsOf: URL(fileURLWithPath: written[1].json!)))
        #expect(week.week == "2026-W48")
        #expect(week.days == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"])
        #expect(week.topics.first { $0.id == "ai" }?.daily == [1, 1, 1, 1, 1, 1, 4])
        #expect(week.topics.first { $0.id == "quantum" }?.new == true)

        let index = try String(contentsOfFile: summaries + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"2026-11-29.html\">2026-11-29</a>"))
        #expect(index.contains("<a href=\"2026-W48.html\">2026-W48</a>"))
        #expect(index.contains("<td>Ai, Cables, Quantum</td>"))
    }

    @Test func aNewDayPageGivesThePreviousOneItsNextLink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publisher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder, days: [(26, [["ai"]])])
        let summaries = folder.appendingPathComponent("summaries").path
        let publisher = SummaryPublisher(store: store, folder: summaries, calendar: zurich)
        try publisher.publish(day: date(2026, 11, 26), now: date(2026, 11, 26, 20))
        let before = try String(contentsOfFile: summaries + "/2026-11-26.html", encoding: .utf8)
        #expect(!before.contains("rel=\"next\""))
        _ = try store.ingest(IncomingBulletin(
            fileName: "later.txt", contentHash: ContentHash.of(Data("later".utf8)), size: 1, format: "text", encoding: "utf-8",
            receivedAt: date(2026, 11, 28), bulletinDate: nil, title: nil,
            articles: [ClassifiedArticle(article: Article(title: "Later", body: "Later.", why: nil, position: 1), topics: [])]))
        try publisher.publish(day: date(2026, 11, 28), now: date(2026, 11, 28, 20))
        let after = try String(contentsOfFile: summaries + "/2026-11-26.html", encoding: .utf8)
        #expect(after.contains("<a rel=\"next\" href=\"2026-11-28.html\">2026-11-28 →</a>"))
        let newer = try String(contentsOfFile: summaries + "/2026-11-28.html", encoding: .utf8)
        #expect(newer.contains("<a rel=\"prev\" href=\"2026-11-26.html\">← 2026-11-26</a>"))
    }

    @Test func catchUpWritesMissedDaysAndEndedWeeksOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publisher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder, days: aMonth)
        let summaries = folder.appendingPathComponent("summaries").path
        let publisher = SummaryPublisher(store: store, folder: summaries, calendar: zurich,
                                         options: SummaryOptions(formats: [.json, .html], trendWindow: 3))
        // Started on Wednesday Dec 2: Nov 25…Dec 1 are the 7 days before; W47 and W48 have ended.
        let written = try publisher.catchUp(now: date(2026, 12, 2, 8))
        #expect(written.map(\.label) == ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29",
                                         "2026-W47", "2026-W48"])
        #expect(!FileManager.default.fileExists(atPath: summaries + "/2026-11-29.md"))
        let summary = try JSONDecoder().decode(DaySummary.self, from: Data(contentsOf: URL(fileURLWithPath: summaries + "/2026-11-29.json")))
        #expect(summary.trendWindow == 3)
        #expect(try publisher.catchUp(now: date(2026, 12, 2, 9)).isEmpty)
    }

    /// The publisher keeps past days' topic counts between publishes: a day that gains an
    /// article, and topics assigned again (`reclassify`), are read again; the rest is not.
    @Test func keptTopicCountsFollowNewArticlesAndReclassification() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publisher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store(in: folder, days: aMonth)
        let publisher = SummaryPublisher(store: store, folder: folder.appendingPathComponent("s").path, calendar: zurich,
                                         options: SummaryOptions(formats: [.json]))
        func ai() throws -> TopicTrend? {
            let path = try publisher.publish(day: date(2026, 11, 29), now: date(2026, 11, 29, 20)).json!
            return try JSONDecoder().decode(DaySummary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                .topics.first { $0.id == "ai" }
        }
        #expect(try ai()?.history.suffix(2) == [1, 4])
        // A late article of the 28th (its day already kept) and one more today.
        for (name, day) in [("late-28.txt", 28), ("more-29.txt", 29)] {
            _ = try store.ingest(IncomingBulletin(
                fileName: name, contentHash: ContentHash.of(Data(name.utf8)), size: 1, format: "text", encoding: "utf-8",
                receivedAt: date(2026, 11, day, 18), bulletinDate: nil, title: nil,
                articles: [ClassifiedArticle(article: Article(title: name, body: "AI news.", why: nil, position: 1),
                                             topics: [TopicMatch(topicID: "ai", score: 1, matchedTerms: [])])]))
        }
        #expect(try ai()?.history.suffix(2) == [2, 5])
        // Every article loses its topics but cables: the kept counts must not survive.
        _ = try store.reclassify { _ in [TopicMatch(topicID: "cables", score: 1, matchedTerms: [])] }
        #expect(try ai() == nil)
    }

    @Test func isoWeeksParseAndHoldTheirDays() throws {
        #expect(LocalWeek(string: "2026-W48")?.description == "2026-W48")
        #expect(LocalWeek(string: "2026-W53") != nil)  // 2026 is a long ISO year (it starts on a Thursday)
        #expect(LocalWeek(string: "2027-W53") == nil)
        #expect(LocalWeek(string: "2026-48") == nil)
        #expect(LocalWeek(string: "2026-W00") == nil)
        let days = zurich.days(of: try #require(LocalWeek(string: "2026-W53")))
        #expect(days.map(\.description) == ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
                                            "2027-01-01", "2027-01-02", "2027-01-03"])
        #expect(zurich.week(containing: date(2027, 1, 3)).description == "2026-W53")
    }

    @Test func summaryFormatsAndTrendWindowAreReadAndChecked() throws {
        let configuration = try ConfigurationFile.parse("summary_formats = [\"html\", \"md\"]\ntrend_window = 14\n", fileName: "b.toml")
        #expect(configuration.summary == SummaryOptions(formats: [.html, .markdown], trendWindow: 14))
        #expect(try ConfigurationFile.parse("", fileName: "b.toml").summary == .default)
        for (text, message) in [("summary_formats = [\"pdf\"]", "b.toml:1:19: unknown summary format \"pdf\""),
                                ("summary_formats = []", "b.toml:1:19: summary_formats needs at least one format"),
                                ("summary_formats = [\"md\", \"md\"]", "b.toml:1:19: summary format \"md\" is named twice"),
                                ("trend_window = 0", "b.toml:1:16: trend_window must be between 1 and 90 days")] {
            #expect { try ConfigurationFile.parse(text, fileName: "b.toml") } throws: { error in
                "\(error)".hasPrefix(message)
            }
        }
    }
}
