/// Why an article got each of its topics, from `Store.explain(articleID:)`.
public struct ArticleExplanation: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    /// File names of the bulletins it came in, in order of arrival.
    public var bulletins: [String]
    /// Highest score first, ties by name.
    public var topics: [ExplainedTopic]
    /// The article's story; nil for an article stored before stories existed.
    public var story: ArticleStory?

    public init(articleID: Int64, title: String, bulletins: [String], topics: [ExplainedTopic],
                story: ArticleStory? = nil) {
        self.story = story
        self.articleID = articleID
        self.title = title
        self.bulletins = bulletins
        self.topics = topics
    }
}
