#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One article found by `Store.search`, best first.
public struct SearchHit: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    /// An excerpt with the matches wrapped in `[` `]`, cut text marked with `…`.
    public var snippet: String
    /// bm25 rank (lower is better), title weighted.
    public var rank: Double
    /// The article's topic ids, highest score first.
    public var topics: [String]
    /// File names of the bulletins it came in, in order of arrival.
    public var bulletins: [String]
    /// When the article was first received.
    public var receivedAt: Date
    /// The article's story; nil for an article stored before stories existed.
    public var story: ArticleStory?

    public init(articleID: Int64, title: String, snippet: String, rank: Double,
                topics: [String], bulletins: [String], receivedAt: Date, story: ArticleStory? = nil) {
        self.story = story
        self.articleID = articleID
        self.title = title
        self.snippet = snippet
        self.rank = rank
        self.topics = topics
        self.bulletins = bulletins
        self.receivedAt = receivedAt
    }
}
