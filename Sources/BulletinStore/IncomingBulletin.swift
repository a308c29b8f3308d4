import Foundation
import BulletinSplitter
import BulletinClassifier

/// Everything the pipeline learned about one bulletin file, ready to be stored in one transaction.
public struct IncomingBulletin: Sendable {
    /// The file's name as it arrived in the inbox (no directory).
    public var fileName: String
    /// Lower-case hex SHA-256 of the file's bytes: the bulletin's identity.
    public var contentHash: String
    public var size: Int
    /// `DocumentFormat.rawValue` and `Document.encoding`.
    public var format: String
    public var encoding: String
    /// When bulletind received the file.
    public var receivedAt: Date
    /// The bulletin's own date when known (e-mail Date).
    public var bulletinDate: Date?
    /// The bulletin's own title when known (e-mail Subject).
    public var title: String?
    public var articles: [ClassifiedArticle]

    public init(fileName: String, contentHash: String, size: Int, format: String, encoding: String,
                receivedAt: Date, bulletinDate: Date?, title: String?, articles: [ClassifiedArticle]) {
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.format = format
        self.encoding = encoding
        self.receivedAt = receivedAt
        self.bulletinDate = bulletinDate
        self.title = title
        self.articles = articles
    }
}

/// An article with the topics the classifier gave it.
public struct ClassifiedArticle: Sendable {
    public var article: Article
    public var topics: [TopicMatch]
    public init(article: Article, topics: [TopicMatch]) {
        self.article = article
        self.topics = topics
    }
}

/// What `Store.ingest` did.
public enum IngestOutcome: Sendable, Equatable {
    /// Stored. `newArticles` of the `articles` were not yet in the database;
    /// the others were linked to their earlier copy.
    case ingested(bulletinID: Int64, articles: Int, newArticles: Int)
    /// The same content was already stored as bulletin `bulletinID`; nothing changed
    /// except that the duplicate was counted.
    case duplicate(bulletinID: Int64)
}
