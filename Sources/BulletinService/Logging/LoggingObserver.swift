#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// The daemon's events as log lines: one line per file with structured fields (`bulletin_file`,
/// `outcome`, `articles`, `duration_ms`…: the journal keeps them as fields), notices for what an
/// admin should know, errors for what needs a hand. Nothing a healthy service does is logged
/// above notice.
public struct LoggingObserver: DaemonObserver {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func observe(_ event: DaemonEvent, at time: Date) {
        switch event {
        case .started(let inbox, let queued):
            logger.info("watching \(inbox)", metadata: ["queued": "\(queued)"])
        case .dayStarted:
            break
        case .dayEnded(let day):
            logger.info("midnight: the summary of \(day) is final; a new day begins")
        case .filingRecovered(let count):
            logger.notice("recorded \(count) bulletin(s) as filed whose file had left the inbox before the last stop")
        case .filingRecoveryFailed(let reason):
            logger.warning("cannot check for bulletins left unrecorded as filed: \(reason)")
        case .filed(let file):
            filed(file)
        case .filingNotRecorded(let count, let reason):
            logger.warning("archived \(count) file(s) but could not record them as filed: \(reason)")
        case .batchStored(let files, let bytes):
            logger.debug("took \(files) files in one transaction", metadata: ["batch_bytes": "\(bytes)"])
        case .vanished(let name):
            logger.info("\(name) was removed by its sender before it was read", metadata: ["bulletin_file": "\(name)"])
        case .leftAlone(let name, let reason):
            logger.notice("leaving \(name) alone: \(reason)", metadata: ["bulletin_file": "\(name)"])
        case .fileWaiting(let name, let reason):
            logger.error("leaving \(name) in the inbox for now, the other files go on: \(reason)", metadata: [
                "bulletin_file": "\(name)", "outcome": "waiting", "reason": "\(reason)",
            ])
        case .paused(let name, let reason, let delay):
            logger.error("cannot take \(name) now, will retry in \(Int(delay)) s: \(reason)", metadata: [
                "bulletin_file": "\(name)", "outcome": "retry",
            ])
        case .resumed:
            logger.notice("taking files again after a transient failure")
        case .databaseUnreachable(let address, let reason, let delay):
            logger.error("database unreachable: \(reason); files wait in the inbox, retrying in \(Self.seconds(delay)) s (then up to every \(Int(DatabaseLink.maximumDelay)) s)",
                         metadata: ["database": "\(address)"])
        case .databaseReachable(let address, let after):
            logger.notice("database reachable again after \(Self.seconds(after)) s; taking the waiting files",
                          metadata: ["database": "\(address)"])
        case .rescanned(.overflow):
            logger.notice("inotify queue overflowed; listing the inbox again")
        case .rescanned(.undecodableName):
            logger.notice("a file arrived under a name that is not UTF-8; listing the inbox to take it under an escaped name")
        case .inboxLost(let path):
            logger.warning("the inbox \(path) was removed or replaced (or cannot be read); recreating and watching it again")
        case .inboxWatchedAgain(let path):
            logger.info("watching \(path) again")
        case .inboxStillLost(let path, let reason, let delay):
            logger.error("cannot watch the inbox \(path) again: \(reason); retrying in \(Int(delay)) s")
        case .summaryWritten(let day):
            logger.debug("wrote the summary of \(day)")
        case .summaryFailed(let day, let reason):
            logger.error("writing the summary failed: \(reason)", metadata: ["day": "\(day)"])
        case .reloaded:
            logger.info("reloaded the configuration and the rules")
        case .reloadFailed(let reason):
            logger.error("reload failed; the previous configuration and rules stay in force: \(reason)")
        case .backlog:
            break
        case .stopping(let reason):
            logger.info("stopping (\(reason)); finishing the batch in progress")
        case .stopped:
            logger.info("stopped")
        }
    }

    /// `0.5`, `12`, `2.3`: seconds as a person reads them.
    static func seconds(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? "\(Int(value.rounded()))" : DecimalText.fixed(value, digits: 1)
    }

    private func filed(_ file: FiledFile) {
        let name = file.name
        var metadata: Logger.Metadata = [
            "bulletin_file": "\(name)", "duration_ms": "\(Int((file.duration * 1000).rounded()))",
        ]
        switch file.outcome {
        case .stored(let articles, let newArticles, let topics):
            metadata["outcome"] = "stored"
            metadata["articles"] = "\(articles)"
            metadata["new_articles"] = "\(newArticles)"
            metadata["topics"] = "\(topics.joined(separator: ","))"
            logger.info("archived \(name)", metadata: metadata)
        case .duplicate:
            metadata["outcome"] = "duplicate"
            logger.info("archived \(name) (duplicate of a bulletin already stored)", metadata: metadata)
        case .storedEarlier:
            metadata["outcome"] = "stored-earlier"
            logger.info("archived \(name) (stored before the last stop; not counted again)", metadata: metadata)
        case .quarantined(_, let reason):
            metadata["outcome"] = "rejected"
            metadata["reason"] = "\(reason)"
            logger.warning("quarantined \(name): \(reason)", metadata: metadata)
        }
    }
}
