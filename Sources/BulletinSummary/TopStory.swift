/// One story of the day for the summary's "Top stories": the articles of one story cluster
/// received that day, shown once by a representative article.
///
/// Filled by the story clustering (issue 12, point 2); rendered in every summary format.
public struct TopStory: Sendable, Equatable, Codable {
    /// The stored story's number (the same for its articles on every day).
    public var storyID: Int64
    /// The representative article of the day (its number is what `explain` and `search` take).
    public var articleID: Int64
    public var title: String
    public var lede: String
    /// Topic ids of the representative article, best first.
    public var topics: [String]
    /// Today's articles of the story.
    public var articles: Int
    /// Distinct bulletins that carried the story today.
    public var bulletins: Int
    /// `YYYY-MM-DD` of the story's first article when it began before this day; nil for a story new today.
    public var continuingSince: String?
    /// Articles of the story received before this day.
    public var earlierArticles: Int

    public init(storyID: Int64, articleID: Int64, title: String, lede: String, topics: [String],
                articles: Int, bulletins: Int, continuingSince: String?, earlierArticles: Int) {
        self.storyID = storyID
        self.articleID = articleID
        self.title = title
        self.lede = lede
        self.topics = topics
        self.articles = articles
        self.bulletins = bulletins
        self.continuingSince = continuingSince
        self.earlierArticles = earlierArticles
    }
}
