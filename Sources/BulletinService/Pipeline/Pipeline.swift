#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinReader
import BulletinSplitter
import BulletinClassifier
import BulletinModel
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
    public let store: any BulletinArchive
    public let analyser: BulletinAnalyser

    /// Loads the rules file and the splitter patterns named by `configuration` and makes the
    /// store's topic table match the rules. Throws `RulesError` (with `file:line:column`
    /// diagnostics), `SplitterConfigError`, or a file error.
    public convenience init(configuration: Configuration, store: any BulletinArchive) throws {
        let analyser = try BulletinAnalyser(configuration: configuration)
        try self.init(analyser: analyser, store: store)
    }

    /// - Parameter syncTopics: false to leave the store's topics to a later `syncTopics()`
    ///   (the daemon, which may start while a shared database does not answer).
    public init(analyser: BulletinAnalyser, store: any BulletinArchive, syncTopics: Bool = true) throws {
        self.analyser = analyser
        self.store = store
        if syncTopics { try self.syncTopics() }
    }

    /// Makes the store's topic table match the rules (the first call to a shared database also
    /// applies its migrations). Idempotent.
    public func syncTopics() throws {
        try store.syncTopics(analyser.classifier.taxonomy.topics)
    }

    /// Records in one transaction that bulletins' files have left the inbox (after `.stored` or
    /// `.awaitingFiling`).
    public func markFiled(bulletinIDs: [Int64]) throws {
        try store.markFiled(bulletinIDs: bulletinIDs)
    }

    /// One file; see `process(batch:awaitingFiling:)`.
    /// The bytes are dropped as soon as they are decoded (`PipelineInput`'s `releasesData`).
    public func process(data: consuming Data, fileName: String, receivedAt: Date,
                        awaitingFiling: Bool = false) throws -> PipelineOutcome {
        try process(batch: [PipelineInput(fileName: fileName, data: consume data, receivedAt: receivedAt, releasesData: true)],
                    awaitingFiling: awaitingFiling)[0]
    }

    /// Several files, stored in ONE transaction (`Store.ingest(batch:)`): each bulletin is still
    /// all or nothing, and a rejected one does not affect the others. Outcomes are in
    /// the order of `batch`. The same as `store(prepare(batch:awaitingFiling:))`.
    ///
    /// - Throws: only for transient trouble (busy, disk full, I/O), and then nothing of the
    ///   batch is stored.
    public func process(batch: [PipelineInput], awaitingFiling: Bool = false) throws -> [PipelineOutcome] {
        try store(prepare(batch: batch, awaitingFiling: awaitingFiling))
    }

    /// Everything before the write, safe to run on another thread while an earlier batch is
    /// being stored: each file's content hash is computed, content already stored is recognised
    /// by it (a read per file) and not analysed again; the rest is read, split and classified,
    /// all in parallel on the available cores. Give each content once per batch: a second copy in the same batch would find the
    /// first stored but not yet filed.
    ///
    /// - Parameter awaitingFiling: true when the caller moves each file out of the inbox after
    ///   the commit and then calls `markFiled` (the daemon); see `IncomingBulletin`.
    /// - Throws: only transient trouble reading the database.
    public func prepare(batch: [PipelineInput], awaitingFiling: Bool = false) throws -> PreparedBatch {
        try PreparedBatch(ParallelMap.map(batch, preparation(awaitingFiling: awaitingFiling)))
    }

    /// What `prepare(batch:awaitingFiling:)` does for each file, on whichever thread runs it;
    /// a failure is transient trouble reading the database.
    func preparation(awaitingFiling: Bool) -> @Sendable (PipelineInput) -> Result<PreparedBatch.Item, any Error> {
        let analyser = self.analyser
        let store = self.store
        return { input in
            // The hash here, on this thread (`PipelineInput.contentHash` is computed on first use).
            let hash = input.contentHash
            let stored: [String: Bool]
            do {
                stored = try store.filedStates(contentHashes: [hash])
            } catch {
                return .failure(error)
            }
            if stored[hash] != nil {
                // Already stored: the store answers duplicate or awaiting filing.
                return .success(.incoming(Self.incoming(input, analysis: nil, awaitingFiling: awaitingFiling), topics: []))
            }
            // The sender's known boilerplate: one small read per bulletin, on this thread.
            // Bulletins of one batch do not see each other's (they are not stored yet).
            return Result<PreparedBatch.Item, any Error> {
                switch try analyser.analyse(input.takeData(), fileName: input.fileName,
                                            knownBoilerplate: { try store.knownBoilerplate(sender: $0) }) {
                case .failure(let rejection):
                    return .rejected(reason: rejection.reason)
                case .success(let analysis):
                    return .incoming(Self.incoming(input, analysis: analysis, awaitingFiling: awaitingFiling),
                                     topics: analysis.topicIDs)
                }
            }
        }
    }

    /// Stores a prepared batch in ONE transaction; outcomes in the order of the batch.
    /// - Throws: only for transient trouble, and then nothing of the batch is stored.
    public func store(_ prepared: PreparedBatch) throws -> [PipelineOutcome] {
        var incoming: [IncomingBulletin] = []
        for case .incoming(let bulletin, _) in prepared.items { incoming.append(bulletin) }
        var results = try store.ingest(batch: incoming, stories: analyser.stories).makeIterator()
        return prepared.items.map { item in
            switch item {
            case .rejected(let reason):
                return .rejected(reason: reason)
            case .incoming(_, let topics):
                switch results.next() {
                case .failure(let error)?:
                    // The content itself was refused (a constraint): retrying cannot help.
                    return .rejected(reason: error.description)
                case .success(.duplicate(let id))?:
                    return .duplicate(bulletinID: id)
                case .success(.awaitingFiling(let id))?:
                    return .awaitingFiling(bulletinID: id)
                case .success(.ingested(let id, let articles, let newArticles))?:
                    return .stored(bulletinID: id, articles: articles, newArticles: newArticles, topics: topics)
                case nil:
                    return .rejected(reason: "internal error: the store returned fewer results than bulletins")
                }
            }
        }
    }

    private static func incoming(_ input: PipelineInput, analysis: BulletinAnalysis?,
                                 awaitingFiling: Bool) -> IncomingBulletin {
        var bulletin = IncomingBulletin(
            fileName: input.fileName, contentHash: input.contentHash, size: input.size,
            format: analysis?.document.format.rawValue ?? "", encoding: analysis?.document.encoding ?? "",
            receivedAt: input.receivedAt, bulletinDate: analysis?.document.date, title: analysis?.document.title,
            articles: analysis?.articles ?? [], awaitingFiling: awaitingFiling,
            boilerplateSender: analysis?.boilerplateSender, boilerplateFingerprints: analysis?.fingerprints ?? []
        )
        bulletin.arrival = input.arrival
        return bulletin
    }
}
