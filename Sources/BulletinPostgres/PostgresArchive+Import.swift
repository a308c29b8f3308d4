import Foundation
import PostgresNIO
import BulletinClassifier
import BulletinStore

/// Copying an existing archive in (`bulletind migrate --to postgresql://…`): idempotent and
/// resumable, because every row is keyed by content (content hash, fingerprint, topic id,
/// sender): a bulletin already here is skipped whole, an article already here is linked.
extension PostgresArchive {
    /// Inserts missing topics and renames existing ones, in one transaction.
    public func importTopics(_ topics: [(id: String, name: String)]) throws {
        try write { session in
            for topic in topics.sorted(by: { $0.id < $1.id }) {
                try session.execute("""
                    INSERT INTO topic (id, name) VALUES ($1, $2)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE topic.name <> excluded.name
                    """, [.text(topic.id), .text(topic.name)])
            }
        }
    }

    /// Copies `bulletins` in ONE transaction: each one not yet here (by content hash) with its
    /// duplicate count, filed state, article links and classifications. Returns how many were
    /// copied (the others were here already).
    public func importBulletins(_ bulletins: [ArchivedBulletin]) throws -> Int {
        try write { session in
            var copied = 0
            for bulletin in bulletins {
                guard let row = try session.query("""
                    INSERT INTO bulletin (file_name, content_hash, size, format, encoding, received_at, bulletin_date,
                                          title, duplicate_count, filed, stored_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (content_hash) DO NOTHING RETURNING id
                    """, [
                        .text(bulletin.fileName), .text(bulletin.contentHash), .int(Int64(bulletin.size)),
                        .text(bulletin.format), .text(bulletin.encoding), .date(bulletin.receivedAt),
                        .date(bulletin.bulletinDate), .text(bulletin.title), .int(Int64(bulletin.duplicateCount)),
                        .bool(bulletin.filed), .text(instance),
                    ]).first else { continue }
                let bulletinID = try row.decode(Int64.self)
                for link in bulletin.links.sorted(by: { $0.fingerprint < $1.fingerprint }) {
                    let upserted = try session.query("""
                        INSERT INTO article AS a (text_hash, title, body, why, first_received_at)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (text_hash) DO UPDATE
                            SET first_received_at = LEAST(a.first_received_at, excluded.first_received_at)
                        RETURNING id, (xmax = 0)
                        """, [.text(link.fingerprint), .text(link.title), .text(link.body), .text(link.why),
                              .date(link.firstReceivedAt)])
                    let (articleID, isNew) = try upserted[0].decode((Int64, Bool).self)
                    if isNew { try insertTopics(link.topics, articleID: articleID, in: session) }
                    try session.execute("INSERT INTO bulletin_article (bulletin_id, article_id, position) VALUES ($1, $2, $3)",
                                        [.int(bulletinID), .int(articleID), .int(Int64(link.position))])
                }
                copied += 1
            }
            return copied
        }
    }

    /// Copies `stories` in ONE transaction, after their articles (`importBulletins`): each
    /// article found here by fingerprint and without a story joins the story of a fellow member
    /// that has one here already (the oldest such story; a story copied before, or assigned by
    /// a daemon that stored the article first), else one new story per source story. Takes the
    /// story lock (`storyLockKey`), so daemons' band indexes catch up with the copied words.
    /// Returns how many stories gained articles (0 for stories copied before).
    public func importStories(_ stories: [ArchivedStory]) throws -> Int {
        guard !stories.isEmpty else { return 0 }
        return try write { session in
            try session.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.storyLockKey)])
            var copied = 0
            for story in stories {
                let words = Dictionary(story.members.map { ($0.fingerprint, $0.words) }, uniquingKeysWith: { a, _ in a })
                var missing: [(article: Int64, words: [UInt8])] = []
                var existing: [Int64] = []
                for row in try session.query("""
                    SELECT a.id, a.text_hash, s.story_id FROM article a LEFT JOIN article_story s ON s.article_id = a.id
                    WHERE a.text_hash = ANY($1) ORDER BY a.id
                    """, [.texts(Array(words.keys))]) {
                    let (article, fingerprint, storyID) = try row.decode((Int64, String, Int64?).self)
                    if let storyID { existing.append(storyID) } else { missing.append((article, words[fingerprint] ?? [])) }
                }
                guard !missing.isEmpty else { continue }
                let target = try existing.min() ?? session.query(
                    "INSERT INTO story (first_seen, articles) VALUES ($1, 0) RETURNING id", [.date(story.firstSeen)]
                )[0].decode(Int64.self)
                for member in missing {
                    try session.execute("INSERT INTO article_story (article_id, story_id, words) VALUES ($1, $2, $3)",
                                        [.int(member.article), .int(target), .bytes(Data(member.words))])
                }
                try session.execute("""
                    UPDATE story SET articles = (SELECT COUNT(*) FROM article_story WHERE story_id = $1),
                                     first_seen = LEAST(first_seen, $2)
                    WHERE id = $1
                    """, [.int(target), .date(story.firstSeen)])
                copied += 1
            }
            return copied
        }
    }

    /// Of the articles with these fingerprints: how many have a story here, and in how many stories.
    public func storyCountsFor(fingerprints: [String]) throws -> (articles: Int, stories: Int) {
        try read { session in
            let row = try session.query("""
                SELECT COUNT(*), COUNT(DISTINCT s.story_id)
                FROM article a JOIN article_story s ON s.article_id = a.id WHERE a.text_hash = ANY($1)
                """, [.texts(fingerprints)])[0]
            let (articles, stories) = try row.decode((Int64, Int64).self)
            return (Int(articles), Int(stories))
        }
    }

    /// Copies the boilerplate memory; a sender already here keeps what it has.
    public func importBoilerplate(senders: [(sender: String, bulletins: Int)],
                                  lines: [(sender: String, fingerprint: Int64, bulletins: Int, lastSeen: Int)]) throws {
        try write { session in
            var copiedSenders = Set<String>()
            for sender in senders.sorted(by: { $0.sender < $1.sender }) {
                if try session.execute("INSERT INTO boilerplate_sender (sender, bulletins) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                       [.text(sender.sender), .int(Int64(sender.bulletins))]) == 1 {
                    copiedSenders.insert(sender.sender)
                }
            }
            for line in lines where copiedSenders.contains(line.sender) {
                try session.execute("""
                    INSERT INTO boilerplate_line (sender, fingerprint, bulletins, last_seen) VALUES ($1, $2, $3, $4)
                    ON CONFLICT DO NOTHING
                    """, [.text(line.sender), .int(line.fingerprint), .int(Int64(line.bulletins)), .int(Int64(line.lastSeen))])
            }
        }
    }

    /// What this database holds of the bulletins with these content hashes: how many of them,
    /// their article links, their distinct articles and the sum of their duplicate counts.
    public func countsFor(contentHashes: [String]) throws -> (bulletins: Int, links: Int, articles: Int, duplicates: Int) {
        try read { session in
            let row = try session.query("""
                WITH b AS (SELECT id, duplicate_count FROM bulletin WHERE content_hash = ANY($1))
                SELECT (SELECT COUNT(*) FROM b),
                       (SELECT COUNT(*) FROM bulletin_article WHERE bulletin_id IN (SELECT id FROM b)),
                       (SELECT COUNT(DISTINCT article_id) FROM bulletin_article WHERE bulletin_id IN (SELECT id FROM b)),
                       (SELECT COALESCE(SUM(duplicate_count), 0)::bigint FROM b)
                """, [.texts(contentHashes)])[0]
            let (b, l, a, d) = try row.decode((Int64, Int64, Int64, Int64).self)
            return (Int(b), Int(l), Int(a), Int(d))
        }
    }
}
