import Foundation

/// One article of a day, with its topics and sources.
public struct DayArticle: Sendable, Equatable {
    public var articleID: Int64
    public var title: String
    public var body: String
    public var why: String?
    /// (topic id, topic name, score), highest score first (ties by name); empty when unclassified.
    public var topics: [DayTopic]
    /// File names of the bulletins it came in, in order of arrival (each once).
    public var sources: [String]
    /// When the article was first received.
    public var firstReceivedAt: Date

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
