import Foundation
import BulletinReader
import BulletinSplitter
import BulletinClassifier
import BulletinStore

/// read → split → classify → store, for one file's bytes.
///
/// `process` throws only for transient trouble (database locked or busy past the timeout,
/// disk full, I/O error): the caller leaves the file where it is and retries later. Anything
/// that can never succeed is returned as `.rejected` with a one-line reason.
///
/// A pipeline holds one set of rules; reloading rules means building a new pipeline
/// (`Pipeline(configuration:store:)`) and swapping it in, so a broken rules file never
/// replaces working rules.
public final class Pipeline: Sendable {
    public let store: Store
    public let analyser: BulletinAnalyser

    /// Loads the rules file and the splitter patterns named by `configuration` and makes the
    /// store's topic table match the rules. Throws `RulesError` (with `file:line:column`
    /// diagnostics), `SplitterConfigError`, or a file error.
    public convenience init(configuration: Configuration, store: Store) throws {
        let analyser = try BulletinAnalyser(configuration: configuration)
        try self.init(analyser: analyser, store: store)
    }

    public init(analyser: BulletinAnalyser, store: Store) throws {
        self.analyser = analyser
        self.store = store
        try store.syncTopics(analyser.classifier.taxonomy.topics)
    }

    /// - Parameter awaitingFiling: true when the caller moves the file out of the inbox after
    ///   the commit and then calls `markFiled` (the daemon); see `IncomingBulletin`.
    /// Records that a bulletin's file has left the inbox (after `.stored` or `.awaitingFiling`).
    public func markFiled(bulletinID: Int64) throws {
        try store.markFiled(bulletinID: bulletinID)
    }

    public func process(data: Data, fileName: String, receivedAt: Date,
                        awaitingFiling: Bool = false) throws -> PipelineOutcome {
        let contentHash = SHA256.hex(data)
        let analysis: BulletinAnalysis
        switch analyser.analyse(data, fileName: fileName) {
        case .success(let value): analysis = value
        case .failure(let rejection): return .rejected(reason: rejection.reason)
        }
        let incoming = IncomingBulletin(
            fileName: fileName, contentHash: contentHash, size: data.count,
            format: analysis.document.format.rawValue, encoding: analysis.document.encoding,
            receivedAt: receivedAt, bulletinDate: analysis.document.date, title: analysis.document.title,
            articles: analysis.articles, awaitingFiling: awaitingFiling
        )
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(incoming)
        } catch let error as StoreError {
            switch error {
            case .unknownTopic, .rejected:
                // The content itself was refused (a constraint): retrying cannot help.
                return .rejected(reason: error.description)
            case .invalidQuery, .fileSystem:
                throw error
            }
        }
        switch outcome {
        case .duplicate(let id):
            return .duplicate(bulletinID: id)
        case .awaitingFiling(let id):
            return .awaitingFiling(bulletinID: id)
        case .ingested(let id, let articles, let newArticles):
            return .stored(bulletinID: id, articles: articles, newArticles: newArticles, topics: analysis.topicIDs)
        }
    }
}
