#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinModel
import Synchronization

/// One file's bytes on their way into the pipeline, with the content hash that identifies
/// the bulletin (computed once, here).
public struct PipelineInput: Sendable {
    public var fileName: String
    /// The file's bytes; empty once a pipeline has prepared an input made with
    /// `releasesData` (see `init`).
    public var data: Data { bytes.peek() }
    public var receivedAt: Date
    /// `ContentHash.of(data)`: lower-case hex SHA-256.
    public let contentHash: String
    /// The file's size in bytes (also after its bytes are released).
    public let size: Int
    private let bytes: Bytes
    /// This arrival of the file (`IncomingBulletin.arrival`), set by the daemon; nil elsewhere.
    public var arrival: String?

    /// `releasesData`: the pipeline drops the bytes as soon as it has decoded them, so a large
    /// file's bytes are not held while it is split, classified and stored; `data` is then
    /// empty, in this input and in every copy of it. For a caller that prepares an input once
    /// (the daemon, `Pipeline.process(data:…)`); without it, an input may be prepared again.
    public init(fileName: String, data: Data, receivedAt: Date, releasesData: Bool = false) {
        self.fileName = fileName
        self.receivedAt = receivedAt
        contentHash = ContentHash.of(data)
        size = data.count
        bytes = Bytes(data, releases: releasesData)
    }

    /// The bytes, for the pipeline to read; forgotten by this input (and its copies) when it
    /// was made with `releasesData`.
    func takeData() -> Data {
        bytes.take()
    }

    /// The bytes, shared by the copies of an input so that one hand-over releases them.
    private final class Bytes: Sendable {
        let releases: Bool
        private let data: Mutex<Data>

        init(_ data: Data, releases: Bool) {
            self.data = Mutex(data)
            self.releases = releases
        }

        func peek() -> Data {
            data.withLock { $0 }
        }

        func take() -> Data {
            data.withLock { data in
                let taken = data
                if releases { data = Data() }
                return taken
            }
        }
    }
}
