import Foundation
import BulletinReader
import BulletinSplitter
import BulletinClassifier
import BulletinStore

/// read → split → classify → store, for one file's bytes. STUB signatures; implementation in progress.
///
/// `process` throws only for transient trouble (database locked or busy past the timeout,
/// disk full, I/O error): the caller leaves the file where it is and retries later. Anything
/// that can never succeed is returned as `.rejected`.
public final class Pipeline: @unchecked Sendable {
    public let store: Store

    public init(configuration: Configuration, store: Store) throws {
        self.store = store
    }

    public func process(data: Data, fileName: String, receivedAt: Date) throws -> PipelineOutcome {
        .rejected(reason: "not implemented")
    }
}
