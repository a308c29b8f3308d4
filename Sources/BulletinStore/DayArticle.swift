#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One article of a day, with its topics and sources, from `Store.day(from:to:…)`.
public struct DayArticle: Sendable, Equatable {
    public var articleID: Int64
    public var title: String
    /// The whole body, or its first characters when the caller asked for a prefix.
    public var body: String
    /// "Why it matters" (whole, or a prefix like `body`); nil when the article has none.
    public var why: String?
    /// (topic id, topic name, score), highest score first (ties by name); empty when unclassified.
    public var topics: [DayTopic]
    /// File names of the bulletins it came in, in order of arrival (each once).
    public var sources: [String]
    /// When the article was first received.
    public var firstReceivedAt: Date
    /// The bulletins of `sources` (the same order), with their titles and dates.
    public var bulletins: [DayBulletin] = []

    public init(articleID: Int64, title: String, body: String, why: String?,
                topics: [DayTopic], sources: [String], firstReceivedAt: Date) {
        self.articleID = articleID
        self.title = title
        self.body = body
        self.why = why
        self.topics = topics
        self.sources = sources
        self.firstReceivedAt = firstReceivedAt
    }
}
