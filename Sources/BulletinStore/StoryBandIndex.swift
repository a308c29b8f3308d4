import BulletinStories
import PosixThreads

/// The band index of the story clusters, kept in memory: for each MinHash band key
/// (`StorySignature.bandKeys`), the most recent article indexed under it, over the last
/// `window` articles with a story.
///
/// Why in memory: as a table keyed by band key (random keys, 32 rows per article), SQLite
/// rewrote most of the index's pages at every commit and ingest ran 3× slower in `make bench`;
/// an FTS5 table of the keys was slower still (docs/STORIES.md). The band keys are computed
/// from the stored story words, so the index is rebuilt from the stored stories when first used
/// and caught up with articles another process stored before each lookup. A candidate it gives
/// is only a hint: the store compares the words read from the database.
///
/// The database side is the caller's (`Store+Stories` for SQLite, `PostgresArchive+Stories` for
/// PostgreSQL): it reads the stored story words in the order they were assigned, each with a
/// *position* that grows in that order (SQLite: the article id; PostgreSQL: the assignment's
/// sequence number, which grows in commit order).
public final class StoryBandIndex: @unchecked Sendable {
    /// Articles (the most recent) the index covers after a rebuild.
    public static let window = 10_000

    /// Stored story words at a position: what a catch-up reads.
    public typealias Stored = (position: Int64, articleID: Int64, words: [UInt32])

    private let lock = Lock()
    private var latest: [Int64: Int64] = [:]
    /// The highest position indexed; nil until the first use.
    private var indexedThrough: Int64?

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
        var found = Set<Int64>()
        for key in signature.bandKeys {
            if let other = latest[key] { found.insert(other) }
        }
        for key in signature.bandKeys { latest[key] = articleID }
        if let position { indexedThrough = max(indexedThrough ?? position, position) }
        return found.sorted(by: >)
    }

    private func catchUp(_ newer: (_ after: Int64?, _ limit: Int) throws -> [Stored]) throws {
        if latest.count > Self.window * StorySignature.bands * 2 {
            latest = [:]
            indexedThrough = nil
        }
        let rows = try newer(indexedThrough, Self.window)
        if indexedThrough == nil {
            indexedThrough = 0
            // Room for what was read, not for the whole window: a nearly empty archive
            // should not cost the window's 8.5 MB at its first bulletin.
            latest.reserveCapacity(rows.count * StorySignature.bands)
        }
        for row in rows {
            for key in StorySignature(words: row.words).bandKeys {
                latest[key] = row.articleID
            }
            indexedThrough = max(indexedThrough ?? row.position, row.position)
        }
    }
}
