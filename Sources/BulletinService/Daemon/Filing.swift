#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// After the commit: each file of a batch archived or quarantined, then the archived ones
/// recorded as filed; one `DaemonEvent.filed` per file, in the order of the batch.
///
/// The durable order (docs/RELIABILITY.md): the commit that accounts for the batch is durable
/// before this runs (`synchronous = FULL`). The files to archive move together
/// (`FileMoveBatch`): each is linked into its day folder, each day folder is fsynced once, and
/// only then are their inbox names removed and the inbox fsynced once. No inbox name is removed
/// before the file's new name is durable, whoever fsyncs the inbox meanwhile (a sender dropping
/// the safe way does). A rejected file is quarantined on its own (its reason written durably
/// first, then its own move). The filing is recorded only after all of it.
///
/// A file that cannot be moved stays in the inbox and is queued again (stored: it is filed
/// later without being counted twice); the other files of the batch are filed all the same.
struct Filing {
    /// What filing one batch did.
    struct Report {
        /// The files stored with new content: how many new articles, received when.
        var stored: [(newArticles: Int, receivedAt: Date)] = []
        /// The first file that could not be moved (it stays in the inbox, queued again).
        var failure: (name: String, error: any Error)?
    }

    /// What the first pass over a batch did with one of its files.
    private enum Placement {
        /// Nothing: it stays in the inbox (queued again).
        case staying
        /// Given its name in its day folder: what became of it once the batch's moves finish,
        /// and the bulletin to record as filed then.
        case archived(FiledFile.Outcome, bulletinID: Int64?)
        /// Moved to the quarantine already: the event to report in the batch's order.
        case quarantined(FiledFile)
    }

    let configuration: Configuration
    let pipeline: Pipeline
    let events: EventSink

    func file(_ batch: InFlightBatch, outcomes: [PipelineOutcome], intake: inout Intake) -> Report {
        var report = Report()
        let inboxFD = open(configuration.inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inboxFD >= 0 else {
            // Stored but not moved: taken again later, each is filed without being counted.
            batch.inputs.forEach { intake.requeue($0.fileName) }
            report.failure = (batch.inputs[0].fileName, POSIXFailure(operation: "open", path: configuration.inbox))
            return report
        }
        defer { close(inboxFD) }
        let archive = Archive(root: configuration.archive, calendar: configuration.calendar)
        let moves = FileMoveBatch(sourceFD: inboxFD)
        var placements = [Placement](repeating: .staying, count: outcomes.count)
        func failed(_ name: String, _ error: any Error) {
            // Stored but not moved: taken again later, it is filed without being counted.
            intake.requeue(name)
            if report.failure == nil { report.failure = (name, error) }
        }
        for (index, outcome) in outcomes.enumerated() {
            let input = batch.inputs[index]
            do {
                switch outcome {
                case .stored(let id, let articles, let newArticles, let topics):
                    try archive.place(name: input.fileName, in: moves, receivedAt: input.receivedAt)
                    placements[index] = .archived(.stored(articles: articles, newArticles: newArticles, topics: topics),
                                                  bulletinID: id)
                case .duplicate:
                    try archive.place(name: input.fileName, in: moves, receivedAt: input.receivedAt)
                    placements[index] = .archived(.duplicate, bulletinID: nil)
                case .awaitingFiling(let id):
                    try archive.place(name: input.fileName, in: moves, receivedAt: input.receivedAt)
                    placements[index] = .archived(.storedEarlier, bulletinID: id)
                case .rejected(let reason):
                    placements[index] = .quarantined(try quarantined(input.fileName, from: inboxFD, cause: .rejected,
                                                                     reason: reason, started: batch.started[index]))
                }
            } catch {
                failed(input.fileName, error)
            }
        }
        let unmoved = moves.finish()
        var filed: [Int64] = []
        for (index, placement) in placements.enumerated() {
            let name = batch.inputs[index].fileName
            switch placement {
            case .staying:
                continue
            case .quarantined(let file):
                events.report(.filed(file))
            case .archived(let result, let bulletinID):
                if let failure = unmoved[name] {
                    failed(name, failure)
                    continue
                }
                if let bulletinID { filed.append(bulletinID) }
                if case .stored(_, let newArticles, _) = result {
                    report.stored.append((newArticles, batch.inputs[index].receivedAt))
                }
                let duration = events.clock().timeIntervalSince(batch.started[index])
                events.report(.filed(FiledFile(name: name, outcome: result, duration: duration)))
            }
        }
        markFiled(filed)
        return report
    }

    /// Moves `name` to the quarantine with `NAME.error` giving `reason` (written durably first).
    func quarantine(_ name: String, from inboxFD: Int32, cause: QuarantineCause, reason: String, started: Date) throws {
        events.report(.filed(try quarantined(name, from: inboxFD, cause: cause, reason: reason, started: started)))
    }

    /// `quarantine`, returning the event to report instead of reporting it.
    private func quarantined(_ name: String, from inboxFD: Int32, cause: QuarantineCause, reason: String,
                             started: Date) throws -> FiledFile {
        try Quarantine(root: configuration.quarantine)
            .file(name: name, from: inboxFD, originalPath: "\(configuration.inbox)/\(name)", reason: reason,
                  at: events.clock())
        let duration = events.clock().timeIntervalSince(started)
        return FiledFile(name: name, outcome: .quarantined(cause, reason: reason), duration: duration)
    }

    /// At start-up: bulletins stored before the last stop whose files had left the inbox are
    /// recorded as filed (`FilingRecovery`). A failure is reported and harmless: such a
    /// bulletin's content arriving again is filed without being counted.
    func recoverInterrupted() {
        do {
            let filed = try FilingRecovery.run(store: pipeline.store, inbox: configuration.inbox,
                                               maxFileSize: configuration.maxFileSize)
            if filed > 0 { events.report(.filingRecovered(count: filed)) }
        } catch {
            events.report(.filingRecoveryFailed(reason: "\(error)"))
        }
    }

    /// After the moves out of the inbox. A failure here loses nothing: the files are archived,
    /// and the same content arriving later would be filed without being counted once.
    private func markFiled(_ bulletinIDs: [Int64]) {
        guard !bulletinIDs.isEmpty else { return }
        do {
            try pipeline.markFiled(bulletinIDs: bulletinIDs)
        } catch {
            events.report(.filingNotRecorded(count: bulletinIDs.count, reason: "\(error)"))
        }
    }
}
