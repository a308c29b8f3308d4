import Foundation
import BulletinSplitter
import BulletinClassifier

/// STUB of the store's public surface; the implementation may add to it but keeps these
/// signatures so the command line and the daemon can be written against them.
public final class Store: Sendable {
    /// Opens (creating and migrating when needed) the SQLite file at `path`:
    /// WAL mode, a busy timeout, foreign keys on.
    public init(path: String) throws {}

    /// Makes the topics table match the taxonomy (insert new, update names, keep old ids
    /// that still have links).
    public func syncTopics(_ topics: [Topic]) throws {}

    /// Stores a bulletin with all its articles and classifications in ONE transaction.
    /// Idempotent on `contentHash`: a second time returns `.duplicate` and counts it.
    public func ingest(_ bulletin: IncomingBulletin) throws -> IngestOutcome { .duplicate(bulletinID: 0) }

    /// The id of the bulletin stored with this content hash, if any.
    public func bulletinID(contentHash: String) throws -> Int64? { nil }

    public func stats() throws -> StoreStats { StoreStats(bulletins: 0, articles: 0, duplicates: 0, unclassified: 0, topics: []) }

    /// Ranked full-text search. Throws `StoreError.invalidQuery` for a malformed query.
    public func search(_ query: SearchQuery) throws -> [SearchHit] { [] }

    /// Why an article got each of its topics; nil when there is no such article.
    public func explain(articleID: Int64) throws -> ArticleExplanation? { nil }

    /// Re-applies `classify` to every stored article in one transaction.
    public func reclassify(_ classify: (Article) -> [TopicMatch]) throws -> ReclassifyReport {
        ReclassifyReport(articles: 0, changes: [])
    }

    /// The articles first received in `[from, to)`, each once, with their topics and sources,
    /// and the number of bulletins received in that interval.
    public func day(from: Date, to: Date) throws -> DayContent { DayContent(bulletins: 0, articles: []) }
}

public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The user's search query is malformed; the message is one line for a person.
    case invalidQuery(String)
    public var description: String {
        switch self {
        case .invalidQuery(let m): return "invalid search query: \(m)"
        }
    }
}

public struct StoreStats: Sendable, Codable, Equatable {
    public var bulletins: Int
    public var articles: Int
    /// How many times a bulletin already stored arrived again.
    public var duplicates: Int
    public var unclassified: Int
    public var topics: [TopicCount]
    public init(bulletins: Int, articles: Int, duplicates: Int, unclassified: Int, topics: [TopicCount]) {
        self.bulletins = bulletins
        self.articles = articles
        self.duplicates = duplicates
        self.unclassified = unclassified
        self.topics = topics
    }
}

public struct TopicCount: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var articles: Int
    public init(id: String, name: String, articles: Int) {
        self.id = id
        self.name = name
        self.articles = articles
    }
}

public struct SearchQuery: Sendable {
    /// The user's words: terms, "quoted phrases", AND/OR/NOT, prefix*.
    public var text: String
    public var topic: String?
    public var since: Date?
    public var limit: Int
    public init(text: String, topic: String? = nil, since: Date? = nil, limit: Int = 20) {
        self.text = text
        self.topic = topic
        self.since = since
        self.limit = limit
    }
}

public struct SearchHit: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    /// An excerpt with the matches wrapped in `[` `]`.
    public var snippet: String
    /// bm25 rank (lower is better), title weighted.
    public var rank: Double
    public var topics: [String]
    public var bulletins: [String]
    public var receivedAt: Date
}

public struct ArticleExplanation: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    public var bulletins: [String]
    public var topics: [ExplainedTopic]
}

public struct ExplainedTopic: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var score: Double
    public var matchedTerms: [String]
}

public struct ReclassifyReport: Sendable, Codable, Equatable {
    public var articles: Int
    public var changes: [ArticleChange]
    public init(articles: Int, changes: [ArticleChange]) {
        self.articles = articles
        self.changes = changes
    }
}

public struct ArticleChange: Sendable, Codable, Equatable {
    public var articleID: Int64
    public var title: String
    public var added: [String]
    public var removed: [String]
}

public struct DayContent: Sendable, Equatable {
    public var bulletins: Int
    public var articles: [DayArticle]
    public init(bulletins: Int, articles: [DayArticle]) {
        self.bulletins = bulletins
        self.articles = articles
    }
}

public struct DayArticle: Sendable, Equatable {
    public var articleID: Int64
    public var title: String
    public var body: String
    public var why: String?
    /// (topic id, topic name, score), highest score first; empty when unclassified.
    public var topics: [DayTopic]
    /// File names of the bulletins it came in, in order of arrival.
    public var sources: [String]
}

public struct DayTopic: Sendable, Equatable {
    public var id: String
    public var name: String
    public var score: Double
}
