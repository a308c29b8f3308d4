#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// After the commit: each file of a batch archived or quarantined, then the archived ones
/// recorded as filed; one `DaemonEvent.filed` per file.
///
/// The durable order (docs/RELIABILITY.md): the commit that accounts for the batch is durable
/// before this runs (`synchronous = FULL`); each file's new name is made durable (its destination
/// folder fsynced) before its name in the inbox is removed, and the inbox is fsynced after, file
/// by file: another process may fsync the inbox at any moment (a sender dropping the safe way
/// does), so a removal made before the destination's fsync could become durable first. The
/// filing is recorded only after all of it.
struct Filing {
    /// What filing one batch did.
    struct Report {
        /// The files stored with new content: how many new articles, received when.
        var stored: [(newArticles: Int, receivedAt: Date)] = []
        /// The last file that left the inbox.
        var last: String?
        /// The first file that could not be moved (it stays in the inbox, queued again).
        var failure: (name: String, error: any Error)?
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
        var filed: [Int64] = []
        for (index, outcome) in outcomes.enumerated() {
            let input = batch.inputs[index]
            let name = input.fileName
            let started = batch.started[index]
            do {
                let result: FiledFile.Outcome
                switch outcome {
                case .stored(let id, let articles, let newArticles, let topics):
                    try archive.file(name: name, from: inboxFD, receivedAt: input.receivedAt)
                    filed.append(id)
                    report.stored.append((newArticles, input.receivedAt))
                    result = .stored(articles: articles, newArticles: newArticles, topics: topics)
                case .duplicate:
                    try archive.file(name: name, from: inboxFD, receivedAt: input.receivedAt)
                    result = .duplicate
                case .awaitingFiling(let id):
                    try archive.file(name: name, from: inboxFD, receivedAt: input.receivedAt)
                    filed.append(id)
                    result = .storedEarlier
                case .rejected(let reason):
                    try quarantine(name, from: inboxFD, cause: .rejected, reason: reason, started: started)
                    report.last = name
                    continue
                }
                events.report(.filed(FiledFile(name: name, outcome: result, duration: events.clock().timeIntervalSince(started))))
                report.last = name
            } catch {
                // Stored but not moved: taken again later, it is filed without being counted.
                intake.requeue(name)
                if report.failure == nil { report.failure = (name, error) }
            }
        }
        markFiled(filed)
        return report
    }

    /// Moves `name` to the quarantine with `NAME.error` giving `reason` (written durably first).
    func quarantine(_ name: String, from inboxFD: Int32, cause: QuarantineCause, reason: String, started: Date) throws {
        try Quarantine(root: configuration.quarantine)
            .file(name: name, from: inboxFD, originalPath: "\(configuration.inbox)/\(name)", reason: reason,
                  at: events.clock())
        let duration = events.clock().timeIntervalSince(started)
        events.report(.filed(FiledFile(name: name, outcome: .quarantined(cause, reason: reason), duration: duration)))
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
