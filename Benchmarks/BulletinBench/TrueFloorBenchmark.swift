import Foundation
import SQLite

/// The true floor for throughput: the corpus's articles stored the cheapest way SQLite can
/// store them searchable — one table of articles (id, title, body, why) and its FTS5 index
/// (external content, the store's tokenizer), each index row inserted directly — in ONE
/// transaction, on a connection in WAL mode. No bulletins, links, topics or hashes: what the
/// schema of bulletind adds shows as the gap between this row and the schema floor.
enum TrueFloorBenchmark {
    /// Seconds for the transaction (begin to commit), and the CPU time of the thread that ran it.
    static func run(corpus: PreparedCorpus, database: String) throws -> (seconds: Double, cpu: Double) {
        try FileManager.default.createDirectory(atPath: (database as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // synchronous NORMAL, as GRDB's pool set it in WAL mode (what this row has always measured).
        let pool = try ConnectionPool(path: database) { try $0.execute("PRAGMA synchronous = NORMAL") }
        try pool.write { db in
            try db.execute("""
                CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, why TEXT);
                CREATE VIRTUAL TABLE article_fts USING fts5(title, body, why, content='article', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2');
                """)
        }
        let articles = corpus.bulletins.flatMap { $0.articles.map(\.article) }
        let start = Stopwatch.now()
        let cpuStart = ThreadCPU.current()
        try pool.write { db in
            let insert = try db.prepare("INSERT INTO article (title, body, why) VALUES (?, ?, ?)")
            let index = try db.prepare("INSERT INTO article_fts (rowid, title, body, why) VALUES (?, ?, ?, ?)")
            for article in articles {
                try insert.execute([article.title, article.body, article.why])
                try index.execute([db.lastInsertedRowID, article.title, article.body, article.why])
            }
        }
        return (Stopwatch.seconds(since: start), ThreadCPU.current() - cpuStart)
    }
}
