import Foundation
import GRDB
import BulletinStories

/// The band index of the story clusters, kept in memory: for each MinHash band key
/// (`StorySignature.bandKeys`), the most recent article indexed under it, over the last
/// `window` articles with a story.
///
/// Why in memory: as a table keyed by band key (random keys, 32 rows per article), SQLite
/// rewrote most of the index's pages at every commit and ingest ran 3× slower in `make bench`;
/// an FTS5 table of the keys was slower still (docs/STORIES.md). The band keys are computed
/// from the stored story words, so the index is rebuilt from `article_story` when first used
/// and caught up with articles another process stored before each lookup. A candidate it gives
/// is only a hint: the store compares the words read from the database.
final class StoryBandIndex: @unchecked Sendable {
    /// Articles (the most recent) the index covers after a rebuild.
    static let window = 10_000

    private let lock = NSLock()
    private var latest: [Int64: Int64] = [:]
    /// The highest article id indexed; nil until the first use.
    private var indexedThrough: Int64?

    /// The articles indexed under the signature's band keys, each once, newest first; then
    /// records `articleID` under those keys. Catches up with `article_story` first (inside the
    /// caller's transaction).
    func candidates(for signature: StorySignature, articleID: Int64, in db: Database) throws -> [Int64] {
        lock.lock()
        defer { lock.unlock() }
        try catchUp(db)
        var found = Set<Int64>()
        for key in signature.bandKeys {
            if let other = latest[key] { found.insert(other) }
        }
        for key in signature.bandKeys { latest[key] = articleID }
        indexedThrough = max(indexedThrough ?? articleID, articleID)
        return found.sorted(by: >)
    }

    private func catchUp(_ db: Database) throws {
        if latest.count > Self.window * StorySignature.bands * 2 {
            latest = [:]
            indexedThrough = nil
        }
        let rows: [Row]
        if let through = indexedThrough {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT article_id, words FROM article_story WHERE article_id > ? ORDER BY article_id
                """), arguments: [through])
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT article_id, words FROM article_story ORDER BY article_id DESC LIMIT ?
                """, arguments: [Self.window]).reversed()
            indexedThrough = 0
            latest.reserveCapacity(Self.window * StorySignature.bands)
        }
        for row in rows {
            let id: Int64 = row["article_id"]
            for key in StorySignature(words: StorySignature.words(packed: row["words"] as Data)).bandKeys {
                latest[key] = id
            }
            indexedThrough = max(indexedThrough ?? id, id)
        }
    }
}
