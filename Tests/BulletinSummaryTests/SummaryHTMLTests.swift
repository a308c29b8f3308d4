import Foundation
import Testing
@testable import BulletinSummary

/// The HTML digest rendered from values: escaping, the chart's bars, the Top stories section,
/// self-containment and page weight. (The real browser renders it in Tests/browser.)
@Suite struct SummaryHTMLTests {
    static let hostileTitle = "<script>alert('t')</script> \"><img src=x onerror=alert(1)> [link](javascript:alert(2))"

    static func hostileSummary() -> DaySummary {
        var summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1, articles: [
            SummaryArticle(articleID: 7, title: hostileTitle, body: "<b>bold</b> & \"quoted\" 'single'. Next.",
                           why: "javascript:alert(3)", topics: [SummaryTopic(id: "t\"><svg onload=alert(4)>", name: "<i>Topic</i>")],
                           sources: ["<a.txt"]),
        ])
        summary.previousDay = "2026-11-28\"><script>"
        summary.topStories = [TopStory(storyID: 1, articleID: 7, title: hostileTitle, lede: "<u>lede</u>", topics: ["t"],
                                       articles: 3, bulletins: 2, continuingSince: "2026-11-20", earlierArticles: 4)]
        return summary
    }

    @Test func bulletinTextIsEscapedInTextAndAttributes() {
        let html = SummaryHTML.day(Self.hostileSummary())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<i>Topic"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<u>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("data-topic=\"t&quot;&gt;&lt;svg onload=alert(4)&gt;\""))
        #expect(html.contains("href=\"2026-11-28&quot;&gt;&lt;script&gt;.html\""))
        // No link is made from bulletin text: the only hrefs are the page's own.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.allSatisfy { $0 == "index.html" || $0.hasPrefix("#section-") || $0.hasSuffix(".html") })
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func theTemplatesUseOnlyEscapingTagsAndFetchNothing() {
        for template in [DigestTemplates.day, DigestTemplates.week, DigestTemplates.index] {
            #expect(!template.contains("{{{"))
            #expect(!template.contains("{{&"))
            #expect(!template.contains("<script"))
            #expect(!template.contains("src="))
            #expect(!template.contains("@import"))
            #expect(!template.contains("url("))
        }
        #expect(DigestTemplates.head.contains("default-src 'none'"))
        #expect(DigestTemplates.style.contains("prefers-color-scheme:dark"))
        #expect(DigestTemplates.style.contains("@media print"))
    }

    @Test func oneBarPerTopicWithItsCountAndTheMeanMarked() {
        var summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1, articles: [
            SummaryArticle(articleID: 1, title: "A", body: "A.", why: nil,
                           topics: [SummaryTopic(id: "ai", name: "AI"), SummaryTopic(id: "trade", name: "Trade")], sources: ["a"]),
            SummaryArticle(articleID: 2, title: "B", body: "B.", why: nil, topics: [SummaryTopic(id: "ai", name: "AI")], sources: ["a"]),
        ])
        summary.topics[0].mean = 0.5
        summary.topics[0].rising = true
        summary.trendWindow = 7
        summary.topics[0].history = [0, 1, 0, 2]
        let html = SummaryHTML.day(summary)
        #expect(html.components(separatedBy: "<g class=\"bar").count - 1 == 2)
        #expect(html.contains("<g class=\"bar rising\" data-topic=\"ai\" data-count=\"2\">"))
        // Trade has no section of its own: still a bar, and the table says where it is.
        #expect(html.contains("data-topic=\"trade\" data-count=\"1\""))
        #expect(html.contains("listed under AI (1)"))
        #expect(html.components(separatedBy: "<line class=\"mean\"").count - 1 == 1)
        #expect(html.contains("<desc id=\"chart-desc\">AI: 2 articles, 7-day mean 0.5; Trade: 1 article</desc>"))
        #expect(html.contains("<h2 id=\"topics-heading\">Topics today</h2>"))
        #expect(html.contains("aria-label=\"4 days: 0 1 0 2\""))
        // No stories: no section.
        #expect(!html.contains("Top stories"))
    }

    @Test func topStoriesAreListedWhenThereAreAny() {
        let html = SummaryHTML.day(Self.hostileSummary())
        #expect(html.contains("<h2 id=\"stories-heading\">Top stories</h2>"))
        #expect(html.contains("3 articles · in 2 bulletins · continuing since 2026-11-20 (4 earlier articles)"))
        #expect(html.range(of: "Top stories")!.lowerBound < html.range(of: "section-1-heading")!.lowerBound)
    }

    @Test func entriesCarryTheirNumberAndNewsletter() {
        var article = SummaryArticle(articleID: 42, title: "Cable cut", body: "A cable broke.", why: nil,
                                     topics: [SummaryTopic(id: "c", name: "Cables")], sources: ["file.eml"])
        article.newsletters = [SummarySource(file: "file.eml", title: "Weekly Digest #12", date: "2026-11-28")]
        let summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 1,
                                              articles: [article])
        let html = SummaryHTML.day(summary)
        #expect(html.contains("<span class=\"id\">#42</span>"))
        #expect(html.contains("source: Weekly Digest #12, 2026-11-28"))
        #expect(!html.contains("file.eml"))
        #expect(SummaryRenderer.markdown(summary).contains("— source: Weekly Digest #12, 2026-11-28"))
    }

    /// A day of 2,000 articles over 12 topics, with the sections listing the builder's 100 each.
    @Test func aDayOfTwoThousandArticlesWeighsAtMost200KB() {
        let topics = (0..<12).map { SummaryTopic(id: "topic-\($0)", name: "Topic number \($0) & co") }
        var builder = DaySummaryBuilder()
        for id in 0..<2_000 {
            var article = SummaryArticle(
                articleID: Int64(id), title: "An article title of ordinary length, number \(id), about a policy",
                body: String(repeating: "A first sentence of a typical lede that runs on for a while. ", count: 3),
                why: "Why it matters: a sentence that explains the stakes for the reader in some detail.",
                topics: [topics[id % 12], topics[(id / 12) % 12]], sources: ["bulletin-\(id / 20).eml"])
            article.newsletters = [SummarySource(file: "bulletin-\(id / 20).eml", title: "Digital Policy Weekly \(id / 20)",
                                                 date: "2026-11-29")]
            builder.add(article)
        }
        var summary = builder.summary(date: "2026-11-29", timeZone: "UTC", generatedAt: "x", bulletins: 100)
        for index in summary.topics.indices { summary.topics[index].history = Array(repeating: 150, count: 30) }
        let html = SummaryHTML.day(summary)
        #expect(summary.counts.articles == 2_000)
        #expect(html.contains("… and "))
        #expect(html.utf8.count <= 200 * 1024, "\(html.utf8.count) bytes")
    }

    @Test func theIndexListsWeeksAndDaysNewestFirst() {
        let index = ArchiveIndex(generatedAt: "x", timeZone: "UTC", days: [
            .init(file: "2026-11-30.html", label: "2026-11-30", bulletins: 2, articles: 20, topTopics: ["AI", "<b>"]),
            .init(file: "2026-11-29.html", label: "2026-11-29", bulletins: 1, articles: 9, topTopics: []),
        ], weeks: [.init(file: "2026-W48.html", label: "2026-W48", bulletins: 5, articles: 60, topTopics: ["AI"])])
        let html = SummaryHTML.index(index)
        #expect(html.contains("<a href=\"2026-11-30.html\">2026-11-30</a>"))
        #expect(html.contains("<td>AI, &lt;b&gt;</td>"))
        #expect(html.contains("<a href=\"2026-W48.html\">2026-W48</a>"))
        #expect(html.range(of: "2026-11-30")!.lowerBound < html.range(of: "2026-11-29")!.lowerBound)
    }
}
