#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinClassifier

/// One stored bulletin with everything stored about it, for copying an archive to another
/// backend (`bulletind migrate`): `Store.exportBulletins(afterID:limit:)` reads them,
/// `PostgresArchive.importBulletins(_:)` writes them.
public struct ArchivedBulletin: Sendable, Equatable {
    /// One article of the bulletin at its position, with its stored classification.
    public struct Link: Sendable, Equatable {
        public var position: Int
        public var fingerprint: String
        public var title: String
        public var body: String
        public var why: String?
        public var firstReceivedAt: Date
        public var topics: [TopicMatch]

        public init(position: Int, fingerprint: String, title: String, body: String, why: String?,
                    firstReceivedAt: Date, topics: [TopicMatch]) {
            self.position = position
            self.fingerprint = fingerprint
            self.title = title
            self.body = body
            self.why = why
            self.firstReceivedAt = firstReceivedAt
            self.topics = topics
        }
    }

    /// The id in the archive it was read from (the export's cursor).
    public var id: Int64
    public var fileName: String
    public var contentHash: String
    public var size: Int
    public var format: String
    public var encoding: String
    public var receivedAt: Date
    public var bulletinDate: Date?
    public var title: String?
    public var duplicateCount: Int
    public var filed: Bool
    public var links: [Link]
}
