#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStories

/// The store seam: what the pipeline, the daemon, the commands and the summary need from an
/// archive of bulletins, articles and topics. Two implementations: `Store` (one SQLite file,
/// the SQLite C API, FTS5; the embedded default) and `PostgresArchive` (module BulletinPostgres: one
/// PostgreSQL database shared by several daemons).
///
/// Every implementation keeps these promises, which the conformance suite
/// (Tests/BulletinStoreTests/ArchiveConformance.swift) checks against both:
/// - each method that writes does so in ONE transaction (all or nothing);
/// - `ingest` is idempotent on the content hash, also between processes writing at the same
///   moment: one bulletin row per content hash, one article row per fingerprint;
/// - errors about the input are `StoreError`s; anything else thrown is environmental (the
///   database busy, unreachable, out of space) and the call may succeed when retried.
///
/// Calls block the calling thread; implementations are safe to share between threads.
public protocol BulletinArchive: AnyObject, Sendable {
    /// Makes the topic table match the taxonomy: inserts new ids, updates names, and deletes
    /// ids no longer in the taxonomy unless an article still has that topic.
    func syncTopics(_ topics: [Topic]) throws

    /// Stores a bulletin with all its articles and classifications in ONE transaction.
    /// Idempotent on `contentHash`: a second time returns `.duplicate` and counts it (or
    /// `.awaitingFiling` while the first copy is not yet filed). An article whose fingerprint
    /// is already stored is linked, not copied, and keeps its classification; its
    /// first-received time becomes the earlier of the two. `StoreError.unknownTopic` /
    /// `.rejected`: nothing stored. Each NEW article joins a story or starts one, in the same
    /// transaction, as `stories` decides among the stories of the recent articles that share a
    /// band key with it (docs/STORIES.md); an article already stored keeps its story.
    func ingest(_ bulletin: IncomingBulletin, stories: StoryMatcher) throws -> IngestOutcome

    /// Several bulletins, each all or nothing; a bulletin refused for its content is reported
    /// as `.failure` at its index and the others are stored. An environmental error is thrown
    /// and nothing of the batch is stored. Results are in the order of `batch`. New articles
    /// are assigned to stories in batch order, as by `ingest(_:stories:)` one at a time.
    func ingest(batch: [IncomingBulletin], stories: StoryMatcher) throws -> [Result<IngestOutcome, StoreError>]

    /// Records in ONE transaction that the files of bulletins stored with `awaitingFiling`
    /// have left the inbox. From then on the same content is a duplicate.
    func markFiled(bulletinIDs: [Int64]) throws

    /// The bulletins stored but not yet recorded as filed, oldest first.
    func unfiledBulletins() throws -> [(id: Int64, fileName: String, contentHash: String)]

    /// For each of `contentHashes` already stored: whether its file was filed. Absent: not stored.
    /// A read that may be stale; `ingest` decides again in its transaction.
    func filedStates(contentHashes: [String]) throws -> [String: Bool]

    /// One small step of index housekeeping while the writer is idle; true when another step
    /// may help. Never waits for a lock. (PostgreSQL maintains its indexes itself: false.)
    func tidyIndex(pages: Int) throws -> Bool

    /// The id of the bulletin stored with this content hash, if any.
    func bulletinID(contentHash: String) throws -> Int64?

    /// The boilerplate fingerprints known for `sender` (see `Store+Boilerplate`).
    func knownBoilerplate(sender: String) throws -> Set<Int64>

    /// Counts over the whole archive, from one snapshot.
    func stats() throws -> StoreStats

    /// Ranked full-text search, best first (title weighted above "why it matters", above the
    /// body); the query language of `SearchQueryTranslator`. `StoreError.invalidQuery` for a
    /// malformed query. Snippets mark matches with `[` `]`.
    func search(_ query: SearchQuery) throws -> [SearchHit]

    /// Why an article got each of its topics; nil when there is no such article.
    func explain(articleID: Int64) throws -> ArticleExplanation?

    /// Re-applies `classify` to every stored article in ONE transaction; see `Store.reclassify`.
    func reclassify(_ classify: (Article) -> [TopicMatch]) throws -> ReclassifyReport

    /// The number of articles first received in `[from, to)`.
    func articleCount(firstReceivedFrom from: Date, to: Date) throws -> Int

    /// Hands `visit` the articles first received in `[from, to)` in order of first arrival
    /// (then id), with topics and sources; returns the number of bulletins received in that
    /// interval. See `Store.day(from:to:textPrefix:needsWholeText:_:)`.
    @discardableResult
    func day(from: Date, to: Date, textPrefix: Int?, needsWholeText: (String) -> Bool,
             _ visit: (DayArticle) throws -> Void) throws -> Int

    /// Per day of `days`: articles first received, the largest article id among them and
    /// bulletins received, from one snapshot; and `topicRowsFloor`, a number that changes
    /// whenever stored articles' topics are assigned again (`reclassify`, by any process) and
    /// stays the same otherwise. A caller may keep a day's topic counts while the day's
    /// (articles, last id) pair and the floor are unchanged (`TrendCache`).
    func dayCounts(days: [DayInterval]) throws -> DayCounts

    /// Each topic's articles per day over `days` (index `i` is `days[i]`): every topic with at
    /// least one article on one of the days, an article counted once per topic on the day it
    /// was first received.
    func topicCounts(days: [DayInterval]) throws -> [String: TopicSeries]

    /// Topic id → name, for every topic of the rules.
    func topicNames() throws -> [String: String]

    /// The stories of the articles first received in `[from, to)`, in order of each story's
    /// first article of the interval; articles without a story are left out. One snapshot.
    /// See `Store.dayStories(from:to:)`.
    func dayStories(from: Date, to: Date) throws -> [DayStory]

    /// The same stories as `dayStories(from:to:)`, with the same counts, handed to `visit` one
    /// at a time in no particular order, each with its first article of the interval only.
    /// One snapshot; `visit` must not call the archive. The default collects
    /// `dayStories(from:to:)`; `Store`'s memory does not grow with the day's articles.
    func dayStoryCounts(from: Date, to: Date, _ visit: (DayStoryCount) throws -> Void) throws

    /// The first-received time of the newest article before `start` and of the oldest at or
    /// after `end` (nil when there is none).
    func neighbouringArticles(around start: Date, end: Date) throws -> (before: Date?, after: Date?)

    /// Frees caches after a large read (a summary); connections stay open.
    func releaseMemory()
}

extension BulletinArchive {
    /// One bulletin; see `markFiled(bulletinIDs:)`.
    public func markFiled(bulletinID: Int64) throws {
        try markFiled(bulletinIDs: [bulletinID])
    }

    /// `tidyIndex(pages: 16)`.
    public func tidyIndex() throws -> Bool {
        try tidyIndex(pages: 16)
    }

    /// With the default `StoryMatcher`.
    public func ingest(_ bulletin: IncomingBulletin) throws -> IngestOutcome {
        try ingest(bulletin, stories: StoryMatcher())
    }

    /// With the default `StoryMatcher`.
    public func ingest(batch: [IncomingBulletin]) throws -> [Result<IngestOutcome, StoreError>] {
        try ingest(batch: batch, stories: StoryMatcher())
    }

    /// The fallback of `ingest(batch:stories:)` once the batch's one transaction was refused for
    /// a bulletin's content: each bulletin in a transaction of its own, a refusal reported at
    /// its index as `.failure`, an environmental error thrown.
    public func ingestEach(_ batch: [IncomingBulletin], stories: StoryMatcher) throws -> [Result<IngestOutcome, StoreError>] {
        try batch.map { bulletin in
            do {
                return .success(try ingest(bulletin, stories: stories))
            } catch let error as StoreError {
                return .failure(error)
            }
        }
    }

    /// Per-day counts of articles (by first arrival), bulletins and each topic's articles over
    /// `days` (not overlapping): `dayCounts` and `topicCounts` together.
    public func topicHistory(days: [DayInterval]) throws -> TopicHistory {
        let counts = try dayCounts(days: days)
        return TopicHistory(articles: counts.articles, bulletins: counts.bulletins, topics: try topicCounts(days: days))
    }

    /// `dayStories(from:to:)`, one story at a time.
    public func dayStoryCounts(from: Date, to: Date, _ visit: (DayStoryCount) throws -> Void) throws {
        for story in try dayStories(from: from, to: to) {
            if let counts = DayStoryCount(story) { try visit(counts) }
        }
    }

    /// Every text whole.
    @discardableResult
    public func day(from: Date, to: Date, _ visit: (DayArticle) throws -> Void) throws -> Int {
        try day(from: from, to: to, textPrefix: nil, needsWholeText: { _ in false }, visit)
    }
}

extension Store: BulletinArchive {}
