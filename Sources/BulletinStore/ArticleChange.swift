/// The topics one article gained and lost in a reclassification.
public struct ArticleChange: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    /// Topic ids, sorted.
    public var added: [String]
    /// Topic ids, sorted.
    public var removed: [String]

    public init(articleID: Int64, title: String, added: [String], removed: [String]) {
        self.articleID = articleID
        self.title = title
        self.added = added
        self.removed = removed
    }
}
