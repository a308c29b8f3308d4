#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import PosixThreads

/// A batch of inbox files being prepared (`Pipeline.prepare`: read, split, classify) on other
/// threads while the daemon's thread stores the batch before it. The files stay in the inbox
/// until the daemon stores and files them; nothing here touches the file system.
final class InFlightBatch: @unchecked Sendable {
    let inputs: [PipelineInput]
    /// When the daemon began taking each file (for `duration_ms`).
    let started: [Date]
    /// The names of `inputs`, which must not be taken again while this batch is handled.
    let names: Set<String>
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the preparing thread before it signals `done`; read only after.
    private var result: Result<PreparedBatch, any Error>?

    /// Starts preparing `inputs` with `pipeline` on a thread of its own, or prepares them at once on
    /// the calling thread when `inline` (a lone file with nothing after it: no other work to
    /// overlap, and no thread to wake on a busy machine).
    init(inputs: [PipelineInput], started: [Date], pipeline: Pipeline, inline: Bool = false) {
        self.inputs = inputs
        self.started = started
        names = Set(inputs.map(\.fileName))
        let prepare: @Sendable () -> Void = { [self] in
            result = Result { try pipeline.prepare(batch: inputs, awaitingFiling: true) }
            done.signal()
        }
        // A plain thread, not a libdispatch worker: see `ParallelMap` (a worker is reniced). When
        // the system refuses a thread, the batch is prepared here instead.
        if inline || !DetachedThread.start(prepare) { prepare() }
    }

    /// Blocks until the batch is prepared. Call once.
    func wait() -> Result<PreparedBatch, any Error> {
        done.wait()
        return result!
    }
}
