#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The story an article belongs to (`search --json` and `explain` show it; docs/STORIES.md).
public struct ArticleStory: Sendable, Codable, Equatable {
    /// The story's number: the same for all its articles.
    public var id: Int64
    /// When the story's first article was received.
    public var firstSeen: Date
    /// Its articles so far (each stored article once).
    public var articles: Int

    public init(id: Int64, firstSeen: Date, articles: Int) {
        self.id = id
        self.firstSeen = firstSeen
        self.articles = articles
    }
}
