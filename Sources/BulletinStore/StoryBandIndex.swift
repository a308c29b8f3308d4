import BulletinStories
import PosixThreads

/// The band index of the story clusters, kept in memory: for each MinHash band key
/// (`StorySignature.bandKeys`), the most recent article indexed under it, over the last
/// `window` articles indexed.
///
/// Why in memory: as a table keyed by band key (random keys, 32 rows per article), SQLite
/// rewrote most of the index's pages at every commit and ingest ran 3× slower in `make bench`;
/// an FTS5 table of the keys was slower still (docs/STORIES.md). The band keys are computed
/// from the stored story words, so the index is rebuilt from the stored stories when first used
/// and caught up with articles another process stored before each lookup. A candidate it gives
/// is only a hint: the store compares the words read from the database.
///
/// Memory is fixed, whatever the number of articles: a `StoryBandTable` of 2^19 slots of
/// 4 bytes (2 MiB, mapped at the first use; its pages become resident as keys land in them)
/// and the article ids of the window (80 KB). An article leaves the window when `window` newer
/// ones were indexed; its keys then stop answering and their slots are reused. About one
/// lookup in 27,000 meets an identity collision of the table (`StoryBandTable`): a false hint
/// (one more article whose words the store compares and rejects), or a band key that no
/// longer leads to its article (which matters only when it was the one band a new article
/// shared with that story's recent articles).
///
/// The database side is the caller's (`Store+Stories` for SQLite, `PostgresArchive+Stories` for
/// PostgreSQL): it reads the stored story words in the order they were assigned, each with a
/// *position* that grows in that order (SQLite: the article id; PostgreSQL: the assignment's
/// sequence number, which grows in commit order).
public final class StoryBandIndex: @unchecked Sendable {
    /// Articles (the most recent) the index covers.
    public static let window = 10_000

    /// Stored story words at a position: what a catch-up reads.
    public typealias Stored = (position: Int64, articleID: Int64, words: [UInt32])

    private let lock = Lock()
    private var table: StoryBandTable?
    /// The article ids of the window, by sequence number modulo `window`.
    private var articles: [Int64] = []
    /// The sequence number the next indexed article gets.
    private var sequence: UInt64 = 0
    /// The highest position indexed; nil until the first use.
    private var indexedThrough: Int64?
    /// Articles recorded without a position, which the next catch-up reads back: indexed once.
    private var unpositioned = Set<Int64>()

    public init() {}

    /// The articles indexed under the signature's band keys, each once, newest first; then
    /// records `articleID` under those keys (and `position` as indexed, when given; without
    /// one, the next catch-up reads the article back). Catches up first with
    /// `newer(after, limit)`: the stored words after position `after` in position order, or,
    /// when `after` is nil (a rebuild), the last `limit` of them in position order.
    public func candidates(for signature: StorySignature, articleID: Int64, position: Int64?,
                           newer: (_ after: Int64?, _ limit: Int) throws -> [Stored]) throws -> [Int64] {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(newer)
        guard let table else { return [] }
        var found = Set<Int64>()
        for key in signature.bandKeys {
            if let entry = table.find(key, sequence: sequence, window: Self.window) {
                found.insert(articles[Int(entry % UInt64(Self.window))])
            }
        }
        record(signature.bandKeys, articleID: articleID)
        if let position {
            indexedThrough = max(indexedThrough ?? position, position)
        } else {
            // A batch that rolled back is never read back: bounded all the same.
            if unpositioned.count >= Self.window { unpositioned = [] }
            unpositioned.insert(articleID)
        }
        return found.sorted(by: >)
    }

    private func catchUp(_ newer: (_ after: Int64?, _ limit: Int) throws -> [Stored]) throws {
        if table == nil {
            table = StoryBandTable()
            articles = Array(repeating: 0, count: Self.window)
        }
        let rows = try newer(indexedThrough, Self.window)
        if indexedThrough == nil { indexedThrough = 0 }
        for row in rows {
            if unpositioned.remove(row.articleID) == nil {
                record(StorySignature(words: row.words).bandKeys, articleID: row.articleID)
            }
            indexedThrough = max(indexedThrough ?? row.position, row.position)
        }
    }

    /// Indexes `keys` under `articleID` as the newest article of the window.
    private func record(_ keys: [Int64], articleID: Int64) {
        guard let table else { return }
        articles[Int(sequence % UInt64(Self.window))] = articleID
        for key in keys { table.insert(key, sequence: sequence, window: Self.window) }
        sequence += 1
    }
}
