#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinModel
import Synchronization

/// One file's bytes on their way into the pipeline, with the content hash that identifies
/// the bulletin (computed once, on first use: `Pipeline.prepare` asks for it on the threads that
/// prepare the batch, so the daemon's thread, which stores, does not hash the files it reads).
public struct PipelineInput: Sendable {
    public var fileName: String
    /// The file's bytes; empty once a pipeline has prepared an input made with
    /// `releasesData` (see `init`).
    public var data: Data { bytes.peek() }
    public var receivedAt: Date
    /// `ContentHash.of(data)`: lower-case hex SHA-256 of the file's bytes as given to `init`
    /// (also after they are released: it is computed before). Computed once per input and its
    /// copies, by the first caller; safe from any thread.
    public var contentHash: String { bytes.contentHash() }
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
        size = data.count
        bytes = Bytes(data, releases: releasesData)
    }

    /// The bytes, for the pipeline to read; forgotten by this input (and its copies) when it
    /// was made with `releasesData` (the content hash computed first, if nobody asked yet).
    func takeData() -> Data {
        bytes.take()
    }

    /// The bytes and their hash, shared by the copies of an input so that one hand-over releases
    /// them and one computation serves all.
    private final class Bytes: Sendable {
        let releases: Bool
        private let state: Mutex<(data: Data, hash: String?)>

        init(_ data: Data, releases: Bool) {
            state = Mutex((data, nil))
            self.releases = releases
        }

        func peek() -> Data {
            state.withLock { $0.data }
        }

        func contentHash() -> String {
            state.withLock { state in
                if let hash = state.hash { return hash }
                let hash = ContentHash.of(state.data)
                state.hash = hash
                return hash
            }
        }

        func take() -> Data {
            state.withLock { state in
                let taken = state.data
                if releases {
                    if state.hash == nil { state.hash = ContentHash.of(taken) }
                    state.data = Data()
                }
                return taken
            }
        }
    }
}
