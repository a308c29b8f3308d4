import Foundation
import PostgresNIO
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinStories

/// The archive in one PostgreSQL database, shared by several daemons (`database =
/// "postgresql://…"`). The same promises as `Store` (see `BulletinArchive`), also between
/// processes on different hosts:
/// - one bulletin row per content hash and one article row per fingerprint, whoever inserts
///   them at the same moment (unique indexes, `INSERT … ON CONFLICT`; a second transaction
///   inserting the same key waits for the first and then finds its row);
/// - a bulletin stored by this daemon (`instance`) and not yet filed is `.awaitingFiling` for
///   this daemon only: the same content arriving at another daemon is a duplicate, so a
///   bulletin dropped on two hosts is stored once and counted once as a duplicate;
/// - a transaction that lost a deadlock or serialization race is retried whole (up to 20 times);
/// - environmental errors are `PostgresUnavailable` (cannot connect, connection lost) or the
///   server's error; the caller retries later.
///
/// Calls block the calling thread (a small pool of connections on one event-loop thread of its
/// own; see `PostgresConnector`). Safe to share between threads.
public final class PostgresArchive: BulletinArchive, @unchecked Sendable {
    public let address: PostgresAddress
    /// Who this daemon is in the shared database (stored with each bulletin it stores).
    public let instance: String
    let connector: PostgresConnector
    /// The story clusters' band index of this process (`PostgresArchive+Stories`).
    let storyBands = StoryBandIndex()
    /// Whether the migrations ran in this process (guarded by `migrationLock`).
    private var migrated = false
    private let migrationLock = NSLock()

    /// Connects to `address` (the password from `PostgresPassword.find`) and applies the
    /// migrations not yet applied.
    /// - Parameters:
    ///   - instance: this daemon's name in the shared database, stable across restarts and
    ///     different for every daemon (default: the host name).
    ///   - connectNow: false for a daemon that must start while the database is down: nothing
    ///     is contacted here, and the first call that reaches the server migrates first (until
    ///     then every call throws `PostgresUnavailable`).
    /// - Throws: `PostgresSettingError` (the setting or the database cannot be used as it is),
    ///   `PostgresUnavailable` (the server cannot be reached now: retry later).
    public init(address: PostgresAddress, instance: String = ProcessInfo.processInfo.hostName,
                connectNow: Bool = true,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.address = address
        self.instance = instance
        let password = try PostgresPassword.find(for: address, environment: environment)
        connector = try PostgresConnector(address: address, password: password)
        if connectNow { try connector.withSession { try migrateOnce($0) } }
    }

    /// Applies the migrations once per process, on the first session that reaches the server.
    private func migrateOnce(_ session: PostgresSession) throws {
        try migrationLock.withLock {
            guard !migrated else { return }
            try PostgresSchema.migrate(session)
            migrated = true
        }
    }

    /// A session on a migrated database.
    func session<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try connector.withSession { session in
            try migrateOnce(session)
            return try body(session)
        }
    }

    /// Runs `body` in one transaction, retried whole when PostgreSQL aborted it for a
    /// deadlock or a serialization failure with another daemon.
    @discardableResult
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try self.session { session in try session.transaction { try body(session) } }
            } catch let error as PSQLError where ["40P01", "40001"].contains(error.sqlState ?? "") && attempt < 20 {
                attempt += 1
                usleep(UInt32.random(in: 1_000...20_000) * UInt32(attempt))
            }
        }
    }

    /// Runs `body` in one read-only snapshot.
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try self.session { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body(session) }
        }
    }

    /// The schema version applied (for `bulletind migrate` and tests).
    public func schemaVersion() throws -> Int {
        try session { try PostgresSchema.version($0) }
    }

    // MARK: - Topics

    public func syncTopics(_ topics: [Topic]) throws {
        try write { session in
            // In id order, so that two daemons starting together lock the rows in one order.
            for topic in topics.sorted(by: { $0.id < $1.id }) {
                try session.execute("""
                    INSERT INTO topic (id, name) VALUES ($1, $2)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE topic.name <> excluded.name
                    """, [.text(topic.id), .text(topic.name)])
            }
            try session.execute("""
                DELETE FROM topic t WHERE NOT (t.id = ANY($1))
                AND NOT EXISTS (SELECT 1 FROM article_topic at WHERE at.topic_id = t.id)
                """, [.texts(topics.map(\.id))])
        }
    }

    // MARK: - Ingest

    public func ingest(_ bulletin: IncomingBulletin, stories: StoryMatcher) throws -> IngestOutcome {
        try write { try ingest([bulletin], stories: stories, in: $0)[0] }
    }

    public func ingest(batch: [IncomingBulletin], stories: StoryMatcher) throws -> [Result<IngestOutcome, StoreError>] {
        guard !batch.isEmpty else { return [] }
        do {
            return try write { session in try ingest(batch, stories: stories, in: session).map { .success($0) } }
        } catch is StoreError {
            return try ingestEach(batch, stories: stories)
        }
    }

    /// Stores `bulletins` inside the caller's transaction; outcomes in their order.
    ///
    /// Ids are reserved from the sequences in batch order (so they number bulletins and
    /// articles in order of arrival, as SQLite does), but rows are written in one global
    /// order, bulletins by content hash, then articles by fingerprint, then senders: two
    /// daemons storing overlapping batches take their row locks in the same order and cannot
    /// deadlock each other (a deadlock with anything else is retried by `write`). The new
    /// articles' stories are assigned last, in id order (`assignStories`: it takes the story
    /// lock, held until the commit).
    private func ingest(_ bulletins: [IncomingBulletin], stories: StoryMatcher,
                        in session: PostgresSession) throws -> [IngestOutcome] {
        var outcomes = [IngestOutcome?](repeating: nil, count: bulletins.count)
        let bulletinIDs = try reserve("bulletin_id_seq", bulletins.count, in: session)
        // 1. Bulletins, by content hash.
        var stored: [Int] = []
        for index in bulletins.indices.sorted(by: { (bulletins[$0].contentHash, $0) < (bulletins[$1].contentHash, $1) }) {
            let bulletin = bulletins[index]
            if bulletin.articles.isEmpty {
                // Decided like SQLite: already stored → duplicate or awaiting filing; else refused.
                guard let outcome = try existing(bulletin, in: session) else {
                    throw StoreError.rejected("a bulletin with no articles is not stored")
                }
                outcomes[index] = outcome
                continue
            }
            // Waits for a concurrent transaction inserting the same content hash; then either
            // this one inserted the row or the other's row is visible to the next statement.
            let inserted = try session.query("""
                INSERT INTO bulletin (id, file_name, content_hash, size, format, encoding, received_at,
                                      bulletin_date, title, filed, stored_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (content_hash) DO NOTHING RETURNING id
                """, [
                    .int(bulletinIDs[index]), .text(bulletin.fileName), .text(bulletin.contentHash),
                    .int(Int64(bulletin.size)), .text(bulletin.format), .text(bulletin.encoding),
                    .date(bulletin.receivedAt), .date(bulletin.bulletinDate), .text(bulletin.title),
                    .bool(!bulletin.awaitingFiling), .text(instance),
                ])
            if inserted.isEmpty {
                guard let outcome = try existing(bulletin, in: session) else {
                    throw StoreError.rejected("the bulletin's content hash conflicts but no row was found")
                }
                outcomes[index] = outcome
            } else {
                stored.append(index)
            }
        }
        stored.sort()
        // 2. Articles, by fingerprint (the first copy in batch order first: it is the one stored).
        let items = stored.flatMap { index in bulletins[index].articles.indices.map { (bulletin: index, offset: $0) } }
        let articleIDs = try reserve("article_id_seq", items.count, in: session)
        var linked = [Int64](repeating: 0, count: items.count)
        var newArticles = [Int](repeating: 0, count: bulletins.count)
        func fingerprint(_ item: Int) -> String { bulletins[items[item].bulletin].articleFingerprints[items[item].offset] }
        for item in items.indices.sorted(by: { (fingerprint($0), $0) < (fingerprint($1), $1) }) {
            let bulletin = bulletins[items[item].bulletin]
            let classified = bulletin.articles[items[item].offset]
            let article = classified.article
            let row = try session.query("""
                INSERT INTO article AS a (id, text_hash, title, body, why, first_received_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (text_hash) DO UPDATE
                    SET first_received_at = LEAST(a.first_received_at, excluded.first_received_at)
                RETURNING id
                """, [
                    .int(articleIDs[item]), .text(fingerprint(item)), .text(article.title), .text(article.body),
                    .text(article.why), .date(bulletin.receivedAt),
                ])[0]
            linked[item] = try row.decode(Int64.self)
            if linked[item] == articleIDs[item] {
                newArticles[items[item].bulletin] += 1
                try insertTopics(classified.topics, articleID: linked[item], in: session)
            }
        }
        // 3. Links, and what each bulletin did.
        for (item, place) in items.enumerated() {
            try session.execute("INSERT INTO bulletin_article (bulletin_id, article_id, position) VALUES ($1, $2, $3)",
                                [.int(bulletinIDs[place.bulletin]), .int(linked[item]), .int(Int64(place.offset + 1))])
        }
        for index in stored {
            outcomes[index] = .ingested(bulletinID: bulletinIDs[index], articles: bulletins[index].articles.count,
                                        newArticles: newArticles[index])
        }
        // 4. Boilerplate memory, by sender (in batch order for one sender).
        let remembering = stored.filter { bulletins[$0].boilerplateSender != nil }
        for index in remembering.sorted(by: { (bulletins[$0].boilerplateSender!, $0) < (bulletins[$1].boilerplateSender!, $1) }) {
            try rememberBoilerplate(sender: bulletins[index].boilerplateSender!,
                                    fingerprints: bulletins[index].boilerplateFingerprints, in: session)
        }
        // 5. Stories of the new articles, in id order (the order SQLite assigns them in).
        let new = items.indices.filter { linked[$0] == articleIDs[$0] }.map { item in
            NewStoryArticle(articleID: linked[item],
                            signature: bulletins[items[item].bulletin].storySignatures[items[item].offset],
                            receivedAt: bulletins[items[item].bulletin].receivedAt)
        }
        try assignStories(new, matcher: stories, in: session)
        return outcomes.map { $0! }
    }

    /// `count` new values of `sequence`, in increasing order.
    private func reserve(_ sequence: String, _ count: Int, in session: PostgresSession) throws -> [Int64] {
        guard count > 0 else { return [] }
        return try session.query("SELECT nextval('\(sequence)') FROM generate_series(1, $1) ORDER BY 1",
                                 [.int(Int64(count))]).map { try $0.decode(Int64.self) }
    }

    /// The outcome for content already stored: awaiting filing when this daemon stored it and
    /// has not filed it, else a duplicate, counted once per arrival (`IncomingBulletin.arrival`:
    /// the same arrival again, after a transaction whose COMMIT got no answer or a daemon
    /// killed before it moved the file, is a duplicate not counted again). nil: not stored.
    private func existing(_ bulletin: IncomingBulletin, in session: PostgresSession) throws -> IngestOutcome? {
        guard let row = try session.query("SELECT id, filed, stored_by FROM bulletin WHERE content_hash = $1",
                                          [.text(bulletin.contentHash)]).first else { return nil }
        let (id, filed, storedBy) = try row.decode((Int64, Bool, String).self)
        if !filed && storedBy == instance { return .awaitingFiling(bulletinID: id) }
        if let arrival = bulletin.arrival {
            let counted = try session.execute("""
                INSERT INTO duplicate_arrival (arrival, bulletin_id) VALUES ($1, $2) ON CONFLICT (arrival) DO NOTHING
                """, [.text(instance + "|" + arrival), .int(id)])
            if counted == 0 { return .duplicate(bulletinID: id) }
        }
        try session.execute("UPDATE bulletin SET duplicate_count = duplicate_count + 1 WHERE id = $1", [.int(id)])
        return .duplicate(bulletinID: id)
    }

    /// The classifications of one new article (the first match per topic id wins).
    func insertTopics(_ matches: [TopicMatch], articleID: Int64, in session: PostgresSession) throws {
        var seen = Set<String>()
        for match in matches where seen.insert(match.topicID).inserted {
            do {
                try session.execute("""
                    INSERT INTO article_topic (article_id, topic_id, score, matched_terms) VALUES ($1, $2, $3, $4)
                    """, [.int(articleID), .text(match.topicID), .double(match.score),
                          .text(Store.jsonArray(match.matchedTerms))])
            } catch let error as PSQLError where error.sqlState == "23503" {
                throw StoreError.unknownTopic(match.topicID)
            }
        }
    }

    private func rememberBoilerplate(sender: String, fingerprints: [Int64], in session: PostgresSession) throws {
        let sequence = try session.query("""
            INSERT INTO boilerplate_sender AS s (sender, bulletins) VALUES ($1, 1)
            ON CONFLICT (sender) DO UPDATE SET bulletins = s.bulletins + 1
            RETURNING bulletins
            """, [.text(sender)])[0].decode(Int64.self)
        for fingerprint in Set(fingerprints).sorted() {
            try session.execute("""
                INSERT INTO boilerplate_line AS l (sender, fingerprint, bulletins, last_seen) VALUES ($1, $2, 1, $3)
                ON CONFLICT (sender, fingerprint) DO UPDATE SET bulletins = l.bulletins + 1, last_seen = excluded.last_seen
                """, [.text(sender), .int(fingerprint), .int(sequence)])
        }
        try session.execute("DELETE FROM boilerplate_line WHERE sender = $1 AND last_seen <= $2",
                            [.text(sender), .int(sequence - Int64(Store.boilerplateWindow))])
    }

    public func knownBoilerplate(sender: String) throws -> Set<Int64> {
        try read { session in
            guard let row = try session.query("SELECT bulletins FROM boilerplate_sender WHERE sender = $1",
                                              [.text(sender)]).first else { return [] }
            let seen = Int(try row.decode(Int64.self))
            let needed = max(Store.boilerplateMinimumBulletins, (min(seen, Store.boilerplateWindow) + 1) / 2)
            return Set(try session.query("SELECT fingerprint FROM boilerplate_line WHERE sender = $1 AND bulletins >= $2",
                                         [.text(sender), .int(Int64(needed))]).map { try $0.decode(Int64.self) })
        }
    }

    // MARK: - Filing

    public func markFiled(bulletinIDs: [Int64]) throws {
        guard !bulletinIDs.isEmpty else { return }
        try write { session in
            try session.execute("UPDATE bulletin SET filed = true WHERE id = ANY($1) AND NOT filed", [.ints(bulletinIDs)])
        }
    }

    /// This daemon's (`instance`) bulletins stored but not yet recorded as filed; another
    /// daemon's are its own business (they may be on their way out of its inbox right now).
    public func unfiledBulletins() throws -> [(id: Int64, fileName: String, contentHash: String)] {
        try read { session in
            try session.query("""
                SELECT id, file_name, content_hash FROM bulletin WHERE NOT filed AND stored_by = $1 ORDER BY id
                """, [.text(instance)]).map { row in
                    let (id, name, hash) = try row.decode((Int64, String, String).self)
                    return (id: id, fileName: name, contentHash: hash)
                }
        }
    }

    /// For each hash stored: filed, or awaiting filing BY THIS DAEMON (false). Content another
    /// daemon has not filed yet reads as filed here: for this daemon it is a duplicate.
    public func filedStates(contentHashes: [String]) throws -> [String: Bool] {
        guard !contentHashes.isEmpty else { return [:] }
        return try read { session in
            var states: [String: Bool] = [:]
            for row in try session.query("""
                SELECT content_hash, filed OR stored_by <> $2 FROM bulletin WHERE content_hash = ANY($1)
                """, [.texts(contentHashes), .text(instance)]) {
                let (hash, filed) = try row.decode((String, Bool).self)
                states[hash] = filed
            }
            return states
        }
    }

    /// PostgreSQL maintains its indexes itself (autovacuum): nothing to do.
    public func tidyIndex(pages: Int) throws -> Bool { false }

    public func bulletinID(contentHash: String) throws -> Int64? {
        try read { session in
            try session.query("SELECT id FROM bulletin WHERE content_hash = $1", [.text(contentHash)])
                .first.map { try $0.decode(Int64.self) }
        }
    }

    /// Closes the idle connections (they are opened again when needed).
    public func releaseMemory() {
        connector.closeIdle()
    }
}
