#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SQLite
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStories
import JSONText

/// The SQLite database of bulletins, articles and topics (the `SQLite` module, WAL, FTS5).
///
/// Safe to share between threads: reads run concurrently, writes are serialised, and each
/// public method that writes does so in ONE transaction (all or nothing). Errors about the
/// input are `StoreError`s; anything else thrown (a `SQLiteError`: busy past the
/// 10 s timeout, disk full, I/O) is environmental and may succeed when retried.
public final class Store: Sendable {
    /// The database file's path as given to `init`.
    public let path: String
    let pool: ConnectionPool

    /// Checkpoints off the writing thread, when asked for (`init(path:checkpointsInBackground:)`).
    let checkpointer: BackgroundCheckpointer?

    /// The story clusters' band index (`StoryBandIndex`), used inside write transactions.
    let storyBands = StoryBandIndex()

    /// The story words of the last articles assigned (`StoryWordsCache`), used inside write
    /// transactions (`writeAssigningStories`).
    let storyWords = StoryWordsCache()

    /// Opens (creating and migrating when needed) the SQLite file at `path`:
    /// WAL mode, a 10 s busy timeout, foreign keys on, the writer's temporary files in memory
    /// (the readers' in SQLite's temporary folder, see below), `secure_delete = FAST` (deleted
    /// content is zeroed where that costs no extra write: see `init`), and
    /// `synchronous = FULL`: a transaction is durable when the write returns (the log is fsynced
    /// at every commit), so a power cut can never take back a commit that a caller acted on
    /// (the daemon moves files out of the inbox only after the commit that accounts for them;
    /// docs/RELIABILITY.md, "Durable order"). With SQLite's default for WAL, NORMAL, a commit
    /// survives a crash of the process but "might roll back following a power loss". A missing
    /// folder is created with permission 0750 and a missing file with 0640 (whatever the umask).
    ///
    /// - Parameter checkpointsInBackground: true for a long-running writer that should not wait
    ///   on checkpoints (the daemon): the write-ahead log is copied back into the database by a
    ///   thread of its own (`BackgroundCheckpointer`): about once a second while writes come and
    ///   go, and after each commit once the log has reached 1,000 pages (a sustained stream of
    ///   writes); the writer checkpoints itself only when the log has reached 4,000 pages, and
    ///   then copies what those have not copied yet (`LogLimits`).
    public convenience init(path: String, checkpointsInBackground: Bool = false) throws {
        try self.init(path: path, checkpointsInBackground: checkpointsInBackground, logLimits: LogLimits())
    }

    /// When the write-ahead log is copied back while a stream of commits goes on (with
    /// `checkpointsInBackground`): the log's length in pages at which each commit asks for a
    /// background checkpoint at once, and the one at which the writer checkpoints itself.
    struct LogLimits: Sendable {
        /// From this length on, each commit asks for a background checkpoint at once
        /// (`BackgroundCheckpointer.catchUp()`) instead of at most one a second: a sustained
        /// stream of writes (a backlog of files) is copied back on another thread while the
        /// writer goes on. SQLite's own default for its automatic checkpoint.
        var catchUpFrames = 1000
        /// At this length (~16 MB) the writer checkpoints itself, inside the commit: under a
        /// stream of commits no background checkpoint finds the log all copied (new frames keep
        /// coming), so the log would not start again without this one, which runs between two
        /// commits. It copies only what the catch-up checkpoints have not copied yet
        /// (docs/PERFORMANCE.md, "Eleventh round").
        var writerFrames = 4000
    }

    init(path: String, checkpointsInBackground: Bool, logLimits: LogLimits) throws {
        self.path = path
        try Store.createFileIfMissing(path)
        // Every connection: a 10 s busy timeout, foreign keys on. The writer keeps its
        // temporary files (statement journals) in memory: on disk they were most of the writes
        // of an ingest when the full-text index was written by triggers, before migration v5.
        // The readers keep SQLite's default, temporary files on disk: with them in memory,
        // SQLite's sorter never spills, and a grouped query over a large day (the summary's
        // `dayStoryCounts`: one row per article of the day) held all its rows in memory, 12 MB
        // at 180,000 articles; on disk it keeps about `cache_size` and writes the rest.
        // Each reader's page cache holds `pageCacheKiB` and the writer's `writerCacheKiB`
        // (instead of SQLite's default, 2,000 KiB each).
        // secure_delete FAST, not Debian's default (its libsqlite3 is built with secure_delete
        // on): content deleted from a page that is written anyway is still zeroed, but a page
        // freed whole (the full-text index frees its merged segments' pages at every merge) is
        // not written again only to be zeroed. A burst of 2,000 files wrote 7 % less.
        pool = try ConnectionPool(path: path) { connection in
            connection.setBusyTimeout(milliseconds: 10_000)
            try connection.execute("PRAGMA foreign_keys = ON")
            try connection.execute("PRAGMA secure_delete = FAST")
            try connection.execute("PRAGMA cache_size = -\(connection.isReadOnly ? Store.pageCacheKiB : Store.writerCacheKiB)")
            if !connection.isReadOnly { try connection.execute("PRAGMA temp_store = MEMORY") }
        }
        // The writer is the one connection that commits, and it stays open with the pool.
        try pool.writeWithoutTransaction { db in try db.execute("PRAGMA synchronous = FULL") }
        try StoreSchema.migrator.migrate(pool)
        checkpointer = checkpointsInBackground ? try BackgroundCheckpointer(path: path) : nil
        if let checkpointer {
            // In place of SQLite's automatic checkpoint (at 1,000 pages, inside the commit):
            // background checkpoints at once from `catchUpFrames` on, the writer's own one at
            // `writerFrames`. Only the writer commits: the readers keep SQLite's hook.
            try pool.writeWithoutTransaction { db in
                db.onCommitToLog { connection, frames in
                    if frames >= logLimits.writerFrames {
                        connection.checkpointPassive()
                    } else if frames >= logLimits.catchUpFrames {
                        checkpointer.catchUp()
                    }
                }
            }
        }
    }

    /// The page cache of each reading connection, in KiB: half SQLite's default. A reader's is
    /// full while the summary is composed, at the daemon's peak (docs/PERFORMANCE.md, "Peak
    /// memory, sixth round").
    static let pageCacheKiB = 1024

    /// The writer's page cache, in KiB. A batch of files touches pages all over the database
    /// (the text-hash index, the stories, the full-text index's segments being merged): with
    /// 1 MiB, a burst of 2,000 files read 780 MB back from the log and the database file for
    /// 490 MB written; with 3 MiB (and batches of 16 files, whose smaller working set pays for
    /// the larger cache at the daemon's peak) it read about 400 MB (docs/PERFORMANCE.md,
    /// "Throughput, eighth round"). It stays full after a burst; the daemon's memory after
    /// 2,000 files was still lower than with 1 MiB and batches of 32 (18.0–18.3 MB against
    /// 18.9–19.1 MB in `make bench`).
    static let writerCacheKiB = 3072

    private static func createFileIfMissing(_ path: String) throws {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.fileSystem("cannot create the database folder \(folder): \(error)")
            }
            chmod(folder, 0o750)
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o640)
        if fd >= 0 {
            fchmod(fd, 0o640)
            close(fd)
            // The new name made durable (its folder fsynced), like the log's, which SQLite syncs.
            let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folderFD >= 0 {
                fsync(folderFD)
                close(folderFD)
            }
        } else if errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw StoreError.fileSystem("cannot create the database file \(path): \(reason)")
        }
    }

    // MARK: - Topics

    /// Makes the topic table match the taxonomy: inserts new ids, updates names, and deletes
    /// ids no longer in the taxonomy unless an article still has that topic.
    public func syncTopics(_ topics: [Topic]) throws {
        try pool.write { db in
            let upsert = try db.cachedStatement("""
                INSERT INTO topic (id, name) VALUES (?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name
                """)
            for topic in topics {
                try upsert.execute([topic.id, topic.name])
            }
            let keep = Set(topics.map(\.id))
            for id in try db.fetchValues(String.self, "SELECT id FROM topic") where !keep.contains(id) {
                try db.execute("""
                    DELETE FROM topic WHERE id = ?
                    AND NOT EXISTS (SELECT 1 FROM article_topic WHERE topic_id = ?)
                    """, [id, id])
            }
        }
    }

    // MARK: - Ingest

    /// Stores a bulletin with all its articles and classifications in ONE transaction.
    /// Idempotent on `contentHash`: a second time returns `.duplicate` and counts it.
    ///
    /// An article whose normalised text (`ArticleFingerprint`) is already stored is linked,
    /// not copied, and keeps its classification; its first-received time becomes the earlier
    /// of the two. Throws `StoreError.unknownTopic` (nothing stored) when a classification
    /// names a topic missing from the topic table. Each NEW article joins a story or starts one
    /// (`stories` decides; an article already stored keeps its story).
    public func ingest(_ bulletin: IncomingBulletin, stories: StoryMatcher = StoryMatcher()) throws -> IngestOutcome {
        defer { checkpointer?.request() }
        return try Store.mappingConstraintErrors {
            try writeAssigningStories { db in
                try Store.ingest(bulletin, stories: stories, bands: storyBands, words: storyWords, in: db)
            }
        }
    }

    /// Stores several bulletins in ONE transaction (much faster than one each). Each bulletin
    /// stays all or nothing: when one is refused for its content (`StoreError`, e.g. an
    /// unknown topic), the whole transaction is rolled back and the batch is stored again with
    /// one transaction per bulletin, so the refused one leaves no rows and is reported as
    /// `.failure` at its index while the others are stored. An environmental error (busy, disk
    /// full, I/O) is thrown and NOTHING of the batch is stored. Results are in the order of
    /// `batch`.
    ///
    /// (No savepoint per bulletin: SQLite's FTS5 writes its pending index data to disk at every
    /// savepoint, which made a batch with savepoints barely faster than separate transactions.
    /// For the same reason the index is written by the store, not by triggers: `Store+FullText`.)
    public func ingest(batch: [IncomingBulletin],
                       stories: StoryMatcher = StoryMatcher()) throws -> [Result<IngestOutcome, StoreError>] {
        defer { checkpointer?.request() }
        do {
            return try Store.mappingConstraintErrors {
                try writeAssigningStories { db in
                    try batch.map { .success(try Store.ingest($0, stories: stories, bands: storyBands, words: storyWords, in: db)) }
                }
            }
        } catch is StoreError {
            return try batch.map { bulletin in
                do {
                    return .success(try ingest(bulletin, stories: stories))
                } catch let error as StoreError {
                    return .failure(error)
                }
            }
        }
    }

    /// Records that the file of a bulletin stored with `awaitingFiling` has left the inbox.
    /// From then on the same content is a duplicate.
    public func markFiled(bulletinID: Int64) throws {
        try markFiled(bulletinIDs: [bulletinID])
    }

    /// Records in ONE transaction that the files of several bulletins stored with
    /// `awaitingFiling` have left the inbox.
    ///
    /// The one commit not synced when it returns (`synchronous = NORMAL` for this transaction):
    /// it becomes durable with the next commit or checkpoint. A power cut may take it back,
    /// which loses nothing: the daemon records such bulletins as filed at its next start
    /// (`FilingRecovery`), so the fdatasync it would cost per file is saved.
    ///
    /// It waits for a background checkpoint in progress (one a second at most, started right
    /// after the commit of the files it records): when that checkpoint copied the whole log,
    /// this write starts the log again and pays the fsync of its new header, after the files'
    /// moves, instead of the next file's commit.
    public func markFiled(bulletinIDs: [Int64]) throws {
        guard !bulletinIDs.isEmpty else { return }
        checkpointer?.waitForRunning()
        defer { checkpointer?.request(canStart: false) }
        try pool.writeWithoutTransaction { db in
            try db.execute("PRAGMA synchronous = NORMAL")
            defer { try? db.execute("PRAGMA synchronous = FULL") }
            try db.transaction(.immediate) {
                let update = try db.cachedStatement("UPDATE bulletin SET filed = 1 WHERE id = ?")
                for id in bulletinIDs { try update.execute([id]) }
            }
        }
    }

    /// The bulletins stored but not yet recorded as filed: their file was being moved out of
    /// the inbox when the daemon stopped (kill, crash, power cut). See `FilingRecovery`.
    public func unfiledBulletins() throws -> [(id: Int64, fileName: String, contentHash: String)] {
        try pool.read { db in
            try db.fetchAll("SELECT id, file_name, content_hash FROM bulletin WHERE filed = 0 ORDER BY id")
                .map { (id: $0["id"], fileName: $0["file_name"], contentHash: $0["content_hash"]) }
        }
    }

    /// Which of `contentHashes` are already stored: for each one found, whether its file was
    /// filed (`true`) or is still awaiting filing (`false`). A hash not stored is absent.
    /// A read: the answer may be stale by the time a later write runs, so callers use it
    /// only to skip work; `ingest` decides again inside its transaction.
    public func filedStates(contentHashes: [String]) throws -> [String: Bool] {
        guard !contentHashes.isEmpty else { return [:] }
        return try pool.read { db in
            let lookup = try db.cachedStatement("SELECT filed FROM bulletin WHERE content_hash = ?")
            var states: [String: Bool] = [:]
            for hash in contentHashes {
                if let filed = try lookup.fetchValue(Bool.self, [hash]) { states[hash] = filed }
            }
            return states
        }
    }

    /// One small step of merging the full-text index's segments (at most `pages` leaf pages,
    /// in its own short transaction); true when it did some work, so another step may help.
    ///
    /// SQLite merges the index's segments inside the commits that add to it, which made one
    /// commit in thirty take several times as long as the others. A writer that calls this
    /// while it has nothing else to do leaves those commits little to merge. Never waits for a
    /// lock: when another connection is writing, it returns false at once.
    public func tidyIndex(pages: Int = 16) throws -> Bool {
        // Not a moment to start a checkpoint: more steps (or the next file) may follow at once.
        defer { checkpointer?.request(canStart: false) }
        return try pool.writeWithoutTransaction { db in
            try db.execute("PRAGMA busy_timeout = 0")
            defer { try? db.execute("PRAGMA busy_timeout = 10000") }
            let before = db.totalChanges
            do {
                try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES('merge', ?)", [pages])
            } catch let error as SQLiteError where error.isBusy {
                return false
            }
            // FTS5's documented test: fewer than two changes means the step found nothing to merge.
            return db.totalChanges - before >= 2
        }
    }

    /// The id of the bulletin stored with this content hash, if any.
    public func bulletinID(contentHash: String) throws -> Int64? {
        try pool.read { db in
            try db.fetchValue(Int64.self, "SELECT id FROM bulletin WHERE content_hash = ?", [contentHash])
        }
    }

    /// `pool.write` for a transaction that may assign stories: the story words cache forgets
    /// what another connection may have changed before it, and what it did not commit after it.
    private func writeAssigningStories<T>(_ body: (Connection) throws -> T) throws -> T {
        let mark = storyWords.mark()
        do {
            return try pool.write { db in
                storyWords.observe(dataVersion: try db.cachedStatement("PRAGMA data_version").fetchValue(Int64.self) ?? 0)
                return try body(db)
            }
        } catch {
            storyWords.rollBack(to: mark)
            throw error
        }
    }

    private static func ingest(_ bulletin: IncomingBulletin, stories: StoryMatcher, bands: StoryBandIndex,
                               words: StoryWordsCache, in db: Connection) throws -> IngestOutcome {
        if let existing = try db.cachedStatement("SELECT id, filed FROM bulletin WHERE content_hash = ?")
            .fetchOne([bulletin.contentHash]) {
            let id: Int64 = existing["id"]
            if !(existing["filed"] as Bool) {
                return .awaitingFiling(bulletinID: id)
            }
            try db.cachedStatement("UPDATE bulletin SET duplicate_count = duplicate_count + 1 WHERE id = ?")
                .execute([id])
            return .duplicate(bulletinID: id)
        }
        guard !bulletin.articles.isEmpty else {
            // Also what makes it safe for a caller to skip analysing content it saw stored.
            throw StoreError.rejected("a bulletin with no articles is not stored")
        }
        try db.cachedStatement("""
            INSERT INTO bulletin (file_name, content_hash, size, format, encoding, received_at, bulletin_date, title, filed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([
                bulletin.fileName, bulletin.contentHash, bulletin.size, bulletin.format, bulletin.encoding,
                bulletin.receivedAt, bulletin.bulletinDate, bulletin.title, !bulletin.awaitingFiling,
            ])
        let bulletinID = db.lastInsertedRowID
        let findArticle = try db.cachedStatement("SELECT id FROM article WHERE text_hash = ?")
        let touchArticle = try db.cachedStatement("""
            UPDATE article SET first_received_at = ? WHERE id = ? AND first_received_at > ?
            """)
        let insertArticle = try db.cachedStatement("""
            INSERT INTO article (text_hash, title, body, why, first_received_at) VALUES (?, ?, ?, ?, ?)
            """)
        let link = try db.cachedStatement("""
            INSERT INTO bulletin_article (bulletin_id, article_id, position) VALUES (?, ?, ?)
            """)
        var newArticles = 0
        for (offset, item) in bulletin.articles.enumerated() {
            let article = item.article
            let hash = bulletin.articleFingerprints[offset]
            let articleID: Int64
            if let existing = try findArticle.fetchValue(Int64.self, [hash]) {
                articleID = existing
                try touchArticle.execute([bulletin.receivedAt, existing, bulletin.receivedAt])
            } else {
                try insertArticle.execute([hash, article.title, article.body, article.why, bulletin.receivedAt])
                articleID = db.lastInsertedRowID
                try indexArticle(id: articleID, IndexedText(title: article.title, body: article.body, why: article.why), in: db)
                newArticles += 1
                try insertTopics(item.topics, articleID: articleID, in: db)
                try assignStory(articleID: articleID, signature: bulletin.storySignatures[offset],
                                receivedAt: bulletin.receivedAt, matcher: stories, bands: bands, words: words, in: db)
            }
            try link.execute([bulletinID, articleID, offset + 1])
        }
        if let sender = bulletin.boilerplateSender {
            try rememberBoilerplate(sender: sender, fingerprints: bulletin.boilerplateFingerprints, in: db)
        }
        return .ingested(bulletinID: bulletinID, articles: bulletin.articles.count, newArticles: newArticles)
    }

    /// Inserts the classifications of one article (the first match per topic id wins).
    /// Throws `StoreError.unknownTopic` when the foreign key to `topic` fails.
    static func insertTopics(_ matches: [TopicMatch], articleID: Int64, in db: Connection) throws {
        let insert = try db.cachedStatement("""
            INSERT INTO article_topic (article_id, topic_id, score, matched_terms) VALUES (?, ?, ?, ?)
            """)
        var seen = Set<String>()
        for match in matches where seen.insert(match.topicID).inserted {
            do {
                try insert.execute([articleID, match.topicID, match.score, jsonArray(match.matchedTerms)])
            } catch let error as SQLiteError where error.isForeignKeyViolation {
                throw StoreError.unknownTopic(match.topicID)
            }
        }
    }

    /// Runs `body`, turning a constraint violation into `StoreError.rejected`.
    static func mappingConstraintErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where error.isConstraint {
            throw StoreError.rejected(error.message)
        }
    }

    /// A JSON array of strings, written by hand (on the ingest path, where `JSONEncoder` cost
    /// more than the SQL): the same bytes as `JSONEncoder`'s default output, which escapes `/`.
    public static func jsonArray(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONStringEscaper.append(string, to: &bytes, escapingSlashes: true)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func decodeJSONArray(_ text: String?) -> [String] {
        guard let text, let strings = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return strings
    }
}
