import Foundation
import BulletinModel

/// One file's bytes on their way into the pipeline, with the content hash that identifies
/// the bulletin (computed once, here).
public struct PipelineInput: Sendable {
    public var fileName: String
    public var data: Data
    public var receivedAt: Date
    /// `ContentHash.of(data)`: lower-case hex SHA-256.
    public let contentHash: String
    /// This arrival of the file (`IncomingBulletin.arrival`), set by the daemon; nil elsewhere.
    public var arrival: String?

    public init(fileName: String, data: Data, receivedAt: Date) {
        self.fileName = fileName
        self.data = data
        self.receivedAt = receivedAt
        contentHash = ContentHash.of(data)
    }
}
