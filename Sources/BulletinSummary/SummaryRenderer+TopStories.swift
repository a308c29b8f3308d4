/// The Markdown of the summary's "Top stories" (`SummaryRenderer.markdown`).
extension SummaryRenderer {
    /// Nothing when the day has no top story; otherwise a `## Top stories` section, one
    /// numbered item per story: its representative article's title and number, its lede, and
    /// one line of what makes it a story:
    /// ```
    /// ## Top stories
    ///
    /// 1. **Title** (#123)
    ///    Lede sentence.
    ///    — 3 articles today · also in 2 other bulletins · continuing since 2026-11-02 (4 earlier articles) · Topic name
    /// ```
    /// "N articles today" when N > 1; "also in N other bulletins" when it came in N + 1
    /// bulletins; "continuing since" when it began on an earlier day. Bulletin text is escaped.
    static func topStoriesMarkdown(_ stories: [TopStory], topicNames: [String: String]) -> [String] {
        guard !stories.isEmpty else { return [] }
        var lines = ["", "## Top stories", ""]
        for (index, story) in stories.enumerated() {
            var item = ["\(index + 1). **\(MarkdownEscaper.inline(story.title))** (#\(story.articleID))"]
            if !story.lede.isEmpty {
                item.append("   \(MarkdownEscaper.inline(story.lede))")
            }
            var facts: [String] = []
            if story.articles > 1 { facts.append("\(story.articles) articles today") }
            if story.bulletins > 1 {
                facts.append("also in " + plural(story.bulletins - 1, "other bulletin", "other bulletins"))
            }
            if let since = story.continuingSince {
                facts.append("continuing since \(MarkdownEscaper.inline(since)) ("
                             + plural(story.earlierArticles, "earlier article", "earlier articles") + ")")
            }
            if let topic = story.topics.first {
                facts.append(MarkdownEscaper.inline(topicNames[topic] ?? topic))
            }
            if !facts.isEmpty { item.append("   — " + facts.joined(separator: " · ")) }
            lines.append(item.joined(separator: "  \n"))
        }
        return lines
    }
}
