import Foundation
import Testing
@testable import BulletinSummary

@Suite struct SummaryTests {
    static let privacy = SummaryTopic(id: "privacy", name: "Privacy")
    static let ai = SummaryTopic(id: "ai", name: "Artificial intelligence")
    static let cables = SummaryTopic(id: "cables", name: "Cables")

    func sample() -> DaySummary {
        DaySummaryBuilder.build(date: "2026-11-29", timeZone: "Europe/Zurich", generatedAt: "2026-11-30T06:00:00+01:00",
                                bulletins: 2, articles: [
            SummaryArticle(articleID: 1, title: "Broker fined", body: "A broker was fined. It appealed.",
                           why: "It sets a precedent. Others follow.", topics: [Self.privacy], sources: ["a.txt"]),
            SummaryArticle(articleID: 2, title: "Chatbot rules", body: "Lawmakers drafted rules.",
                           why: nil, topics: [Self.ai, Self.privacy], sources: ["a.txt", "b.txt"]),
            SummaryArticle(articleID: 3, title: "Cookie reform", body: "Banners change.", why: "  ",
                           topics: [Self.privacy], sources: ["b.txt"]),
            SummaryArticle(articleID: 4, title: "Kite festival", body: "Colourful.", why: nil, topics: [], sources: ["b.txt"]),
            SummaryArticle(articleID: 5, title: "Cable cut", body: "A cable broke.", why: nil, topics: [Self.cables], sources: ["a.txt"]),
            SummaryArticle(articleID: 1, title: "Broker fined", body: "A broker was fined.", why: nil,
                           topics: [Self.privacy], sources: ["c.txt"]),
        ])
    }

    @Test func builderGroupsEachArticleOnceUnderItsBestTopic() {
        let summary = sample()
        #expect(summary.sections.map(\.topicName) == ["Privacy", "Artificial intelligence", "Cables", "Unclassified"])
        #expect(summary.sections.map { $0.articles.map(\.articleID) } == [[1, 3], [2], [5], [4]])
        #expect(summary.sections.last?.topicID == nil)
        #expect(summary.counts == DaySummary.Counts(bulletins: 2, articles: 5, topics: 3))
        let chatbot = summary.sections[1].articles[0]
        #expect(chatbot.alsoIn == ["Privacy"])
        #expect(chatbot.sources == ["a.txt", "b.txt"])
        let broker = summary.sections[0].articles[0]
        #expect(broker.lede == "A broker was fined.")
        #expect(broker.why == "It sets a precedent.")
        #expect(summary.sections[0].articles[1].why == nil)
    }

    @Test func markdownInPiecesIsTheSameText() {
        var pieces: [String] = []
        SummaryRenderer.markdown(sample()) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == SummaryRenderer.markdown(sample()))
        #expect(SummaryRenderer.markdown(sample()).hasSuffix("\n"))
    }

    @Test func markdownLayout() {
        let markdown = SummaryRenderer.markdown(sample())
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines[0] == "# Bulletin summary — 2026-11-29")
        #expect(lines.contains("2 bulletins · 5 articles · 3 topics"))
        #expect(lines.contains("## Privacy (2)"))
        #expect(lines.contains("## Unclassified (1)"))
        #expect(markdown.contains("- **Broker fined** (#1)  \n  A broker was fined.  \n  Why it matters: It sets a precedent.  \n  — source: a.txt\n"))
        #expect(markdown.contains("  — sources: a.txt, b.txt · also in: Privacy"))
        let privacyAt = markdown.range(of: "## Privacy")?.lowerBound
        let aiAt = markdown.range(of: "## Artificial intelligence")?.lowerBound
        let unclassifiedAt = markdown.range(of: "## Unclassified")?.lowerBound
        #expect(privacyAt != nil && aiAt != nil && unclassifiedAt != nil)
        if let privacyAt, let aiAt, let unclassifiedAt {
            #expect(privacyAt < aiAt && aiAt < unclassifiedAt)
        }
    }

    @Test func hostileTitlesDoNotInject() {
        let summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1, articles: [
            SummaryArticle(articleID: 1, title: "[click](http://evil) <script>alert(1)</script> ![x](y)",
                           body: "<img src=x onerror=alert(1)>. Next.", why: nil,
                           topics: [SummaryTopic(id: "t", name: "# Topic <b>")], sources: ["[a](b).txt"]),
        ])
        let markdown = SummaryRenderer.markdown(summary)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        // Every bracket that came from the bulletin is escaped, so no link or image forms.
        #expect(!markdown.contains("[click]"))
        #expect(!markdown.contains("![x]"))
        #expect(!markdown.contains("[a]("))
        #expect(markdown.contains("\\[click\\](http://evil)"))
        #expect(markdown.contains("## \\# Topic &lt;b&gt; (1)"))
    }

    @Test func emptyDaySaysSo() {
        let empty = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 0, articles: [])
        #expect(empty.sections.isEmpty)
        let markdown = SummaryRenderer.markdown(empty)
        #expect(markdown.contains("0 bulletins · 0 articles · 0 topics"))
        #expect(markdown.contains("No bulletins arrived on this day."))
        let seen = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1, articles: [])
        #expect(SummaryRenderer.markdown(seen).contains("No new articles"))
        #expect(SummaryRenderer.markdown(seen).contains("1 bulletin · 0 articles"))
    }

    @Test func jsonIsStableSortedAndRoundTrips() throws {
        let summary = sample()
        let data = SummaryRenderer.json(summary)
        #expect(data == SummaryRenderer.json(summary))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"counts\" : {"))
        let decoded = try JSONDecoder().decode(DaySummary.self, from: data)
        #expect(decoded == summary)
    }

    /// A section lists its first `listLimit` articles in arrival order and counts the rest;
    /// sections are ordered by all their articles; Markdown and JSON say how many are unlisted.
    @Test func sectionsListAtMostTheLimitAndCountTheRest() throws {
        var articles: [SummaryArticle] = []
        for i in 1...5 {
            articles.append(SummaryArticle(articleID: Int64(i), title: "Privacy item \(i)", body: "Body \(i). More.",
                                           why: nil, topics: [Self.privacy], sources: ["a.txt"]))
        }
        for i in 6...8 {
            articles.append(SummaryArticle(articleID: Int64(i), title: "Cable item \(i)", body: "Body.", why: nil,
                                           topics: [Self.cables], sources: ["a.txt"]))
        }
        articles.append(SummaryArticle(articleID: 9, title: "Loose", body: "Body.", why: nil, topics: [], sources: ["a.txt"]))
        let summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1,
                                              articles: articles, listLimit: 2)
        #expect(summary.counts == DaySummary.Counts(bulletins: 1, articles: 9, topics: 2))
        #expect(summary.sections.map(\.topicName) == ["Privacy", "Cables", "Unclassified"])
        #expect(summary.sections.map { $0.articles.map(\.articleID) } == [[1, 2], [6, 7], [9]])
        #expect(summary.sections.map(\.unlisted) == [3, 1, 0])
        #expect(summary.sections.map(\.articleCount) == [5, 3, 1])

        let markdown = SummaryRenderer.markdown(summary)
        #expect(markdown.contains("## Privacy (5)\n"))
        #expect(markdown.contains("  — source: a.txt\n- … and 3 more\n\n## Cables (3)"))
        #expect(markdown.contains("- … and 1 more\n\n## Unclassified (1)"))
        #expect(!markdown.contains("Privacy item 3"))

        let json = try #require(JSONSerialization.jsonObject(with: SummaryRenderer.json(summary)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.map { $0["unlisted"] as? Int } == [3, 1, 0])
        #expect(sections.map { ($0["articles"] as? [Any])?.count } == [2, 2, 1])
        #expect(try JSONDecoder().decode(DaySummary.self, from: SummaryRenderer.json(summary)) == summary)

        // Under the limit nothing changes: every article listed, nothing unlisted.
        let all = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1,
                                          articles: articles)
        #expect(all.sections.map(\.articles.count) == [5, 3, 1])
        #expect(all.sections.allSatisfy { $0.unlisted == 0 })
        #expect(!SummaryRenderer.markdown(all).contains("more"))
    }

    /// The incremental builder gives what the one-call builder gives.
    @Test func addingOneAtATimeEqualsBuildingAtOnce() {
        let articles = [
            SummaryArticle(articleID: 1, title: "Broker fined", body: "A broker was fined. It appealed.",
                           why: "It sets a precedent. Others follow.", topics: [Self.privacy], sources: ["a.txt", "a.txt"]),
            SummaryArticle(articleID: 2, title: "Chatbot rules", body: "Lawmakers drafted rules.",
                           why: nil, topics: [Self.ai, Self.privacy], sources: ["a.txt", "b.txt"]),
        ]
        var builder = DaySummaryBuilder()
        articles.forEach { builder.add($0) }
        #expect(builder.summary(date: "d", timeZone: "UTC", generatedAt: "g", bulletins: 2)
                == DaySummaryBuilder.build(date: "d", timeZone: "UTC", generatedAt: "g", bulletins: 2, articles: articles))
    }
}
