#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SQLite
import BulletinClassifier

extension Store {
    /// Up to `limit` bulletins with an id above `afterID`, in id order, each with its articles
    /// (in position order) and their classifications; from one snapshot. Empty: no more.
    public func exportBulletins(afterID: Int64, limit: Int) throws -> [ArchivedBulletin] {
        try pool.read { db in
            let bulletins = try db.fetchAll("""
                SELECT id, file_name, content_hash, size, format, encoding, received_at, bulletin_date, title,
                       duplicate_count, filed
                FROM bulletin WHERE id > ? ORDER BY id LIMIT ?
                """, [afterID, limit])
            let links = try db.cachedStatement("""
                SELECT ba.position, a.id, a.text_hash, a.title, a.body, a.why, a.first_received_at
                FROM bulletin_article ba JOIN article a ON a.id = ba.article_id
                WHERE ba.bulletin_id = ? ORDER BY ba.position
                """)
            let topics = try db.cachedStatement("""
                SELECT topic_id, score, matched_terms FROM article_topic WHERE article_id = ? ORDER BY topic_id
                """)
            return try bulletins.map { row in
                let id: Int64 = row["id"]
                return ArchivedBulletin(
                    id: id, fileName: row["file_name"], contentHash: row["content_hash"], size: row["size"],
                    format: row["format"], encoding: row["encoding"], receivedAt: row["received_at"],
                    bulletinDate: row["bulletin_date"], title: row["title"], duplicateCount: row["duplicate_count"],
                    filed: row["filed"],
                    links: try links.fetchAll([id]).map { link in
                        ArchivedBulletin.Link(
                            position: link["position"], fingerprint: link["text_hash"], title: link["title"],
                            body: link["body"], why: link["why"], firstReceivedAt: link["first_received_at"],
                            topics: try topics.fetchAll([link["id"] as Int64]).map {
                                TopicMatch(topicID: $0["topic_id"], score: $0["score"],
                                           matchedTerms: Store.decodeJSONArray($0["matched_terms"]))
                            })
                    })
            }
        }
    }

    /// Up to `limit` stories with an id above `afterID`, in id order, each with its articles
    /// (fingerprint and story words, in article id order); from one snapshot. Empty: no more.
    public func exportStories(afterID: Int64, limit: Int) throws -> [ArchivedStory] {
        try pool.read { db in
            let members = try db.cachedStatement("""
                SELECT a.text_hash, s.words FROM article_story s JOIN article a ON a.id = s.article_id
                WHERE s.story_id = ? ORDER BY s.article_id
                """)
            return try db.fetchAll("SELECT id, first_seen FROM story WHERE id > ? ORDER BY id LIMIT ?",
                                   [afterID, limit]).map { row in
                ArchivedStory(id: row["id"], firstSeen: row["first_seen"], members: try members.fetchAll(
                    [row["id"] as Int64]).map {
                        ArchivedStory.Member(fingerprint: $0["text_hash"], words: [UInt8]($0["words"] as Data))
                    })
            }
        }
    }

    /// Every topic of the topic table (id, name), in id order.
    public func exportTopics() throws -> [(id: String, name: String)] {
        try pool.read { db in
            try db.fetchAll("SELECT id, name FROM topic ORDER BY id").map { (id: $0["id"], name: $0["name"]) }
        }
    }

    /// The boilerplate memory: senders with their bulletin counts, and their lines.
    public func exportBoilerplate() throws -> (senders: [(sender: String, bulletins: Int)],
                                               lines: [(sender: String, fingerprint: Int64, bulletins: Int, lastSeen: Int)]) {
        try pool.read { db in
            let senders = try db.fetchAll("SELECT sender, bulletins FROM boilerplate_sender ORDER BY sender")
                .map { (sender: $0["sender"] as String, bulletins: $0["bulletins"] as Int) }
            let lines = try db.fetchAll("SELECT sender, fingerprint, bulletins, last_seen FROM boilerplate_line")
                .map { (sender: $0["sender"] as String, fingerprint: $0["fingerprint"] as Int64,
                        bulletins: $0["bulletins"] as Int, lastSeen: $0["last_seen"] as Int) }
            return (senders, lines)
        }
    }
}
