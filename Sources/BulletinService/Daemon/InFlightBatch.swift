#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A batch of inbox files being prepared (`Pipeline.preparation`: read, split, classify) on other
/// threads while the daemon's thread stores the batch before it. The files stay in the inbox
/// until the daemon stores and files them; nothing here touches the file system.
///
/// The preparing threads leave a core to the daemon's thread (`ParallelMap.helpersBesideCaller`:
/// one thread on two cores), which stores; when it is done before them, `wait()` has it
/// prepare the files nobody has taken yet instead of waiting. So neither a batch that takes long
/// to store nor one that takes long to prepare leaves a core idle, and the storing thread does
/// not take turns with the preparing ones.
final class InFlightBatch: Sendable {
    let inputs: [PipelineInput]
    /// When the daemon began taking each file (for `duration_ms`).
    let started: [Date]
    /// The names of `inputs`, which must not be taken again while this batch is handled.
    let names: Set<String>
    private let work: SharedWork<PipelineInput, Result<PreparedBatch.Item, any Error>>

    /// Starts preparing `inputs` with `pipeline` on threads of their own, or leaves it all to
    /// `wait()` when `inline` (a lone file with nothing after it: no other work to overlap,
    /// and no thread to wake on a busy machine).
    init(inputs: [PipelineInput], started: [Date], pipeline: Pipeline, inline: Bool = false) {
        self.inputs = inputs
        self.started = started
        names = Set(inputs.map(\.fileName))
        work = SharedWork(inputs, pipeline.preparation(awaitingFiling: true))
        if !inline { work.start(helpers: ParallelMap.helpersBesideCaller) }
    }

    /// Prepares the files not taken yet, waits for the helpers, and returns the batch. Call
    /// once, from the thread that made the batch.
    func wait() -> Result<PreparedBatch, any Error> {
        let prepared = work.finish()
        return Result { try PreparedBatch(prepared) }
    }
}
