/// Which stories of a day the summary opens with ("Top stories"), and in what order.
/// Pure: counts in, a choice out (docs/STORIES.md).
///
/// A story of the day qualifies when, that day, it has at least 2 articles, or came in at
/// least 2 bulletins, or when it continues a story that began on an earlier day (at least one
/// earlier article). Qualifying stories are ranked by the day's articles, then the day's
/// bulletins, then earlier articles (each most first), then story number (oldest first); the
/// first `limit` are shown.
public enum TopStoryRule {
    /// Top stories shown at most.
    public static let limit = 5

    /// True when a story with these counts of the day is a top story candidate.
    public static func qualifies(articles: Int, bulletins: Int, earlierArticles: Int) -> Bool {
        articles >= 2 || bulletins >= 2 || earlierArticles >= 1
    }

    /// The qualifying stories in rank order, at most `limit`.
    public static func choose(_ stories: [TopStory], limit: Int = TopStoryRule.limit) -> [TopStory] {
        let qualifying = stories.filter {
            qualifies(articles: $0.articles, bulletins: $0.bulletins, earlierArticles: $0.earlierArticles)
        }
        return Array(qualifying.sorted { a, b in
            if a.articles != b.articles { return a.articles > b.articles }
            if a.bulletins != b.bulletins { return a.bulletins > b.bulletins }
            if a.earlierArticles != b.earlierArticles { return a.earlierArticles > b.earlierArticles }
            return a.storyID < b.storyID
        }.prefix(max(0, limit)))
    }
}
