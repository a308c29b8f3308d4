import Foundation
import SQLite
import BulletinClassifier
import BulletinModel
import BulletinStore

/// The schema floor: the corpus's rows inserted into bulletind's real schema (created by
/// `Store`) by plain INSERT statements in ONE transaction, the full-text index rows written
/// directly as the store writes them, on a connection configured like the store's. Hashes and
/// JSON are computed beforehand: SQLite's cost alone. (The true floor, `TrueFloorBenchmark`,
/// stores the same articles without bulletind's schema.)
enum FloorBenchmark {
    /// Seconds for the transaction (begin to commit), and the CPU time of the thread that ran it.
    static func run(corpus: PreparedCorpus, topics: [Topic], database: String) throws -> (seconds: Double, cpu: Double) {
        let store = try Store(path: database)
        try store.syncTopics(topics)
        struct Row { var hash: String; var title: String; var body: String; var why: String?; var topics: [(String, Double, String)] }
        let encoder = JSONEncoder()
        let prepared: [[Row]] = try corpus.bulletins.map { bulletin in
            try bulletin.articles.map { item in
                Row(hash: ArticleFingerprint.of(item.article), title: item.article.title, body: item.article.body,
                    why: item.article.why,
                    topics: try item.topics.map { ($0.topicID, $0.score, String(decoding: try encoder.encode($0.matchedTerms), as: UTF8.self)) })
            }
        }
        let pool = try ConnectionPool(path: database) { connection in
            connection.setBusyTimeout(milliseconds: 10_000)
            // As the bench has always measured it (GRDB's pool set NORMAL in WAL mode).
            try connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
        }
        let start = Stopwatch.now()
        let cpuStart = ThreadCPU.current()
        try pool.write { db in
            let insertBulletin = try db.prepare("""
                INSERT INTO bulletin (file_name, content_hash, size, format, encoding, received_at, bulletin_date, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertArticle = try db.prepare("""
                INSERT INTO article (text_hash, title, body, why, first_received_at) VALUES (?, ?, ?, ?, ?)
                """)
            let link = try db.prepare("INSERT INTO bulletin_article (bulletin_id, article_id, position) VALUES (?, ?, ?)")
            let index = try db.prepare("INSERT INTO article_fts (rowid, title, body, why) VALUES (?, ?, ?, ?)")
            let insertTopic = try db.prepare("""
                INSERT INTO article_topic (article_id, topic_id, score, matched_terms) VALUES (?, ?, ?, ?)
                """)
            for (bulletin, rows) in zip(corpus.bulletins, prepared) {
                try insertBulletin.execute([
                    bulletin.fileName, bulletin.contentHash, bulletin.size, bulletin.format, bulletin.encoding,
                    bulletin.receivedAt, bulletin.bulletinDate, bulletin.title,
                ])
                let bulletinID = db.lastInsertedRowID
                for (offset, row) in rows.enumerated() {
                    try insertArticle.execute([row.hash, row.title, row.body, row.why, bulletin.receivedAt])
                    let articleID = db.lastInsertedRowID
                    try index.execute([articleID, row.title, row.body, row.why])
                    for topic in row.topics {
                        try insertTopic.execute([articleID, topic.0, topic.1, topic.2])
                    }
                    try link.execute([bulletinID, articleID, offset + 1])
                }
            }
        }
        return (Stopwatch.seconds(since: start), ThreadCPU.current() - cpuStart)
    }
}
