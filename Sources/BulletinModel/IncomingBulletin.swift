#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinSplitter
import BulletinStories

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
    /// The articles in bulletin order; they are linked at positions 1, 2, 3… in this order.
    public let articles: [ClassifiedArticle]
    /// `ArticleFingerprint.of` each article, computed when the value is made (so that a
    /// caller preparing several bulletins in parallel does this work outside the write).
    public let articleFingerprints: [String]
    /// `StorySignature` of each article (title and body), computed when the value is made,
    /// like the fingerprints: the store only looks up and writes (docs/STORIES.md).
    public let storySignatures: [StorySignature]
    /// True when the caller will move the file after the commit and then call
    /// `Store.markFiled` (the daemon); false when nothing is to be filed (`bulletind ingest`).
    public var awaitingFiling: Bool
    /// Whose repeated boilerplate this bulletin's `boilerplateFingerprints` are remembered
    /// for (`BulletinSplitter.boilerplateSender`); nil: nothing is remembered.
    public var boilerplateSender: String?
    /// `SplitResult.fingerprints`: the fingerprints of its titles and skipped paragraphs.
    public var boilerplateFingerprints: [Int64]
    /// What tells this arrival of the file apart from another arrival of the same content (the
    /// daemon: the inbox file's name, device, inode and modification time), or nil. A store that
    /// keeps it counts a duplicate once per arrival, so storing the same arrival again (a retry
    /// after a lost COMMIT, a restart after a kill) does not count it twice.
    public var arrival: String?

    public init(fileName: String, contentHash: String, size: Int, format: String, encoding: String,
                receivedAt: Date, bulletinDate: Date?, title: String?, articles: [ClassifiedArticle],
                awaitingFiling: Bool = false, boilerplateSender: String? = nil, boilerplateFingerprints: [Int64] = []) {
        self.awaitingFiling = awaitingFiling
        self.boilerplateSender = boilerplateSender
        self.boilerplateFingerprints = boilerplateFingerprints
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.format = format
        self.encoding = encoding
        self.receivedAt = receivedAt
        self.bulletinDate = bulletinDate
        self.title = title
        self.articles = articles
        articleFingerprints = articles.map { ArticleFingerprint.of($0.article) }
        storySignatures = articles.map { StorySignature(title: $0.article.title, body: $0.article.body) }
    }
}
