/// What `Store.reclassify` changed.
public struct ReclassifyReport: Sendable, Codable, Equatable {
    /// How many articles were classified again.
    public var articles: Int
    /// The articles whose set of topics changed, by article id.
    public var changes: [ArticleChange]
    public init(articles: Int, changes: [ArticleChange]) {
        self.articles = articles
        self.changes = changes
    }
}
