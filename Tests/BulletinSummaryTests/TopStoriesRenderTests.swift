import Foundation
import Testing
@testable import BulletinSummary

/// "Top stories": the rule that picks them, their Markdown (escaped like every bulletin text)
/// and their JSON (byte for byte what `JSONEncoder` writes).
@Suite struct TopStoriesRenderTests {
    static func story(_ id: Int64, articles: Int, bulletins: Int, earlier: Int = 0, since: String? = nil,
                      title: String = "Title", lede: String = "Lede.") -> TopStory {
        TopStory(storyID: id, articleID: id * 10, title: title, lede: lede, topics: ["cables", "ai"],
                 articles: articles, bulletins: bulletins, continuingSince: since, earlierArticles: earlier)
    }

    static func summary(_ stories: [TopStory]) -> DaySummary {
        var summary = DaySummary(date: "2026-11-24", timeZone: "UTC", generatedAt: "x",
                                 counts: .init(bulletins: 3, articles: 5, topics: 1), sections: [
            .init(topicID: "cables", topicName: "Cables", articles: [
                DaySummary.Entry(articleID: 10, title: "Title", lede: "Lede.", why: nil, sources: ["a.txt"]),
            ], unlisted: 4),
        ])
        summary.topStories = stories
        return summary
    }

    @Test func theRuleKeepsStoriesOfSeveralArticlesBulletinsOrDaysLargestFirst() {
        let chosen = TopStoryRule.choose([
            Self.story(1, articles: 1, bulletins: 1),              // a story of one: never
            Self.story(2, articles: 1, bulletins: 1, earlier: 3, since: "2026-11-20"),
            Self.story(3, articles: 2, bulletins: 1),
            Self.story(4, articles: 1, bulletins: 2),
            Self.story(5, articles: 4, bulletins: 3),
            Self.story(6, articles: 2, bulletins: 2),
            Self.story(7, articles: 2, bulletins: 2, earlier: 1, since: "2026-11-23"),
        ])
        #expect(chosen.map(\.storyID) == [5, 7, 6, 3, 4])
        #expect(TopStoryRule.choose([Self.story(1, articles: 1, bulletins: 1)]).isEmpty)
    }

    @Test func markdownOpensWithTopStoriesEscaped() {
        let markdown = SummaryRenderer.markdown(Self.summary([
            Self.story(1, articles: 3, bulletins: 3, earlier: 4, since: "2026-11-02",
                       title: "[click](javascript:alert(1)) <script>x</script>", lede: "A *bold* claim."),
            Self.story(2, articles: 1, bulletins: 2),
        ]))
        #expect(markdown.contains("## Top stories\n\n1. **"))
        #expect(!markdown.contains("<script>"), "hostile text is escaped")
        #expect(!markdown.contains("[click](javascript"))
        #expect(markdown.contains("— 3 articles today · also in 2 other bulletins · continuing since 2026-11-02 (4 earlier articles) · Cables"))
        #expect(markdown.contains("2. **Title** (#20)  \n   Lede.  \n   — also in 1 other bulletin · Cables\n"))
        #expect(markdown.range(of: "## Top stories")!.lowerBound < markdown.range(of: "## Cables")!.lowerBound)
        #expect(!SummaryRenderer.markdown(Self.summary([])).contains("Top stories"))
    }

    @Test(arguments: [
        [],
        [story(1, articles: 3, bulletins: 2, earlier: 4, since: "2026-11-02", title: "Quote \" / é", lede: "\u{01} \u{2028}"),
         story(9_007_199_254_740_993, articles: 2, bulletins: 1)],
    ]) func jsonIsWhatTheEncoderWrites(_ stories: [TopStory]) throws {
        let summary = Self.summary(stories)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var expected = try encoder.encode(summary)
        expected.append(0x0A)
        let written = SummaryRenderer.json(summary)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(try JSONDecoder().decode(DaySummary.self, from: written) == summary)
    }
}
