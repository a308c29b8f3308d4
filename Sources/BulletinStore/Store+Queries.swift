#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SQLite
import BulletinSplitter
import BulletinClassifier

extension Store {
    /// Counts over the whole database, read from one snapshot.
    public func stats() throws -> StoreStats {
        try pool.read { db in
            let bulletins = try db.fetchValue(Int.self, "SELECT COUNT(*) FROM bulletin") ?? 0
            let articles = try db.fetchValue(Int.self, "SELECT COUNT(*) FROM article") ?? 0
            let duplicates = try db.fetchValue(Int.self, "SELECT COALESCE(SUM(duplicate_count), 0) FROM bulletin") ?? 0
            let unclassified = try db.fetchValue(Int.self, """
                SELECT COUNT(*) FROM article a
                WHERE NOT EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id)
                """) ?? 0
            let topics = try db.fetchAll("""
                SELECT t.id, t.name, COUNT(at.article_id) AS n
                FROM topic t LEFT JOIN article_topic at ON at.topic_id = t.id
                GROUP BY t.id ORDER BY n DESC, t.name, t.id
                """).map { TopicCount(id: $0["id"], name: $0["name"], articles: $0["n"]) }
            return StoreStats(bulletins: bulletins, articles: articles, duplicates: duplicates,
                              unclassified: unclassified, topics: topics)
        }
    }

    /// A query matching more articles than this ranks only its newest this-many matches:
    /// bm25 must read every match's positions, ~2 µs each, so ranking all 77,000 articles
    /// that mention "AI" in a 100,000-article archive takes ~170 ms; 5,000 take ~15 ms.
    static let rankedMatchLimit = 5_000

    /// Ranked full-text search, best first: bm25 with the title weighted 10, the body 1 and
    /// "why it matters" 3. When more than `rankedMatchLimit` articles match, the hits are the
    /// best of the newest `rankedMatchLimit` matches. Throws `StoreError.invalidQuery` for a
    /// malformed query (see `SearchQueryTranslator` for the syntax).
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let match = try SearchQueryTranslator.fts5(query.text)
        guard query.limit > 0 else { return [] }
        // Filters as rowid sets, so ranking reads the index alone (an article row is ~3 KB of
        // overflow pages; joining every match to it doubled the time).
        var filters = ""
        var filterArguments: [any SQLValueConvertible] = []
        if let since = query.since {
            filters += " AND rowid IN (SELECT id FROM article WHERE first_received_at >= ?)"
            filterArguments += [since]
        }
        if let topic = query.topic {
            filters += " AND rowid IN (SELECT article_id FROM article_topic WHERE topic_id = ?)"
            filterArguments += [topic]
        }
        do {
            return try pool.read { db in
                // 1. The rowid of the newest `rankedMatchLimit`-th match, if there are more.
                let bound = try db.fetchValue(Int64.self, """
                    SELECT rowid FROM article_fts WHERE article_fts MATCH ?\(filters)
                    ORDER BY rowid DESC LIMIT 1 OFFSET ?
                    """, [match] + filterArguments + [Store.rankedMatchLimit - 1])
                // 2. Rank inside the full-text index only; keep the best `limit`.
                var rankArguments: [any SQLValueConvertible] = [match] + filterArguments
                var range = ""
                if let bound {
                    range = " AND rowid >= ?"
                    rankArguments += [bound]
                }
                rankArguments += [query.limit]
                let ranked = try db.fetchAll("""
                    SELECT rowid AS id, bm25(article_fts, 10.0, 1.0, 3.0) AS rank FROM article_fts
                    WHERE article_fts MATCH ?\(filters)\(range)
                    ORDER BY rank, rowid LIMIT ?
                    """, rankArguments).map { (id: $0["id"] as Int64, rank: $0["rank"] as Double) }
                guard !ranked.isEmpty else { return [] }
                // 3. Snippets and article fields for those few only.
                let ids = ranked.map(\.id)
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
                var snippets: [Int64: String] = [:]
                for row in try db.fetchAll("""
                    SELECT rowid AS id, snippet(article_fts, -1, '[', ']', '…', 16) AS snip FROM article_fts
                    WHERE article_fts MATCH ? AND rowid IN (\(marks))
                    """, [any SQLValueConvertible]([match]) + [any SQLValueConvertible](ids)) {
                    snippets[row["id"]] = row["snip"]
                }
                var articles: [Int64: Row] = [:]
                for row in try db.fetchAll("SELECT id, title, first_received_at FROM article WHERE id IN (\(marks))", ids) {
                    articles[row["id"]] = row
                }
                return try ranked.compactMap { hit in
                    guard let row = articles[hit.id] else { return nil }
                    return SearchHit(
                        articleID: hit.id, title: row["title"], snippet: snippets[hit.id] ?? "", rank: hit.rank,
                        topics: try Store.topicIDs(of: hit.id, in: db),
                        bulletins: try Store.sources(of: hit.id, in: db),
                        receivedAt: row["first_received_at"],
                        story: try Store.story(ofArticle: hit.id, in: db))
                }
            }
        } catch let error as SQLiteError where error.isSQLError {
            // The translator only emits valid FTS5; this is a safety net, never SQL text for the user.
            throw StoreError.invalidQuery("the search index could not understand this query")
        }
    }

    /// Why an article got each of its topics; nil when there is no such article.
    public func explain(articleID: Int64) throws -> ArticleExplanation? {
        try pool.read { db in
            guard let title = try db.fetchValue(String.self, "SELECT title FROM article WHERE id = ?",
                                                  [articleID]) else { return nil }
            let topics = try db.fetchAll("""
                SELECT t.id, t.name, at.score, at.matched_terms
                FROM article_topic at JOIN topic t ON t.id = at.topic_id
                WHERE at.article_id = ? ORDER BY at.score DESC, t.name, t.id
                """, [articleID]).map { row in
                    ExplainedTopic(id: row["id"], name: row["name"], score: row["score"],
                                   matchedTerms: Store.decodeJSONArray(row["matched_terms"]))
                }
            return ArticleExplanation(articleID: articleID, title: title,
                                      bulletins: try Store.sources(of: articleID, in: db), topics: topics,
                                      story: try Store.story(ofArticle: articleID, in: db))
        }
    }

    /// Re-applies `classify` to every stored article in ONE transaction (the `Article` it
    /// gets has the position of the article's first link). Reports, by article id, the
    /// articles whose set of topic ids changed; scores and matched terms are refreshed for
    /// all. Throws `StoreError.unknownTopic` (and changes nothing) when `classify` names a
    /// topic missing from the topic table.
    public func reclassify(_ classify: (Article) -> [TopicMatch]) throws -> ReclassifyReport {
        try Store.mappingConstraintErrors {
            try pool.write { db in
                let ids = try db.fetchValues(Int64.self, "SELECT id FROM article ORDER BY id")
                let load = try db.cachedStatement("""
                    SELECT a.title, a.body, a.why,
                           COALESCE((SELECT MIN(position) FROM bulletin_article WHERE article_id = a.id), 0) AS position
                    FROM article a WHERE a.id = ?
                    """)
                let current = try db.cachedStatement("SELECT topic_id FROM article_topic WHERE article_id = ?")
                let clear = try db.cachedStatement("DELETE FROM article_topic WHERE article_id = ?")
                var changes: [ArticleChange] = []
                for id in ids {
                    guard let row = try load.fetchOne([id]) else { continue }
                    let article = Article(title: row["title"], body: row["body"], why: row["why"], position: row["position"])
                    let before = Set(try current.fetchValues(String.self, [id]))
                    let matches = classify(article)
                    try clear.execute([id])
                    try Store.insertTopics(matches, articleID: id, in: db)
                    let after = Set(matches.map(\.topicID))
                    if before != after {
                        changes.append(ArticleChange(articleID: id, title: article.title,
                                                     added: after.subtracting(before).sorted(),
                                                     removed: before.subtracting(after).sorted()))
                    }
                }
                return ReclassifyReport(articles: ids.count, changes: changes)
            }
        }
    }

    /// The number of articles first received in `[from, to)` (one COUNT on an index).
    public func articleCount(firstReceivedFrom from: Date, to: Date) throws -> Int {
        try pool.read { db in
            try db.fetchValue(Int.self, """
                SELECT COUNT(*) FROM article WHERE first_received_at >= ? AND first_received_at < ?
                """, [from, to]) ?? 0
        }
    }

    /// Hands `visit` the articles first received in `[from, to)`, each once, in order of
    /// first arrival (then id), with their topics and sources, one at a time as they are
    /// read: memory does not grow with the number of articles. Returns the number of
    /// bulletins received in that interval. Everything comes from one snapshot; `visit`
    /// runs inside the read and must not call the store.
    ///
    /// - Parameters:
    ///   - textPrefix: when given, `body` and `why` hold at most their first `textPrefix`
    ///     characters (Unicode scalars), unless `needsWholeText` returns true for such a cut
    ///     text, which is then read whole. nil: every text whole.
    ///   - needsWholeText: asked about a text cut by `textPrefix` (never about a whole one).
    @discardableResult
    public func day(from: Date, to: Date, textPrefix: Int? = nil,
                    needsWholeText: (String) -> Bool = { _ in false },
                    _ visit: (DayArticle) throws -> Void) throws -> Int {
        try pool.read { db in
            let range: [any SQLValueConvertible] = [from, to]
            let bulletins = try db.fetchValue(Int.self, """
                SELECT COUNT(*) FROM bulletin WHERE received_at >= ? AND received_at < ?
                """, range) ?? 0
            // Three cursors in the same order (first arrival, id), merged article by article.
            // No prefix: a length no SQLite text exceeds (SQLITE_MAX_LENGTH < 2^31); Int64.max
            // would overflow inside substr and give "".
            let prefix = max(0, textPrefix ?? Int(Int32.max))
            let articles = try db.cursor("""
                SELECT id, title, substr(body, 1, ?) AS body, length(body) > ? AS body_cut,
                       substr(why, 1, ?) AS why, length(why) > ? AS why_cut, first_received_at
                FROM article
                WHERE first_received_at >= ? AND first_received_at < ?
                ORDER BY first_received_at, id
                """, [prefix, prefix, prefix, prefix] + range)
            let topics = try db.cursor("""
                SELECT at.article_id, t.id, t.name, at.score
                FROM article a
                JOIN article_topic at ON at.article_id = a.id
                JOIN topic t ON t.id = at.topic_id
                WHERE a.first_received_at >= ? AND a.first_received_at < ?
                ORDER BY a.first_received_at, a.id, at.score DESC, t.name, t.id
                """, range)
            let sources = try db.cursor("""
                SELECT ba.article_id, b.id, b.file_name, b.title, b.bulletin_date, b.received_at
                FROM article a
                JOIN bulletin_article ba ON ba.article_id = a.id
                JOIN bulletin b ON b.id = ba.bulletin_id
                WHERE a.first_received_at >= ? AND a.first_received_at < ?
                ORDER BY a.first_received_at, a.id, b.received_at, b.id
                """, range)
            let wholeText = try db.cachedStatement("SELECT body, why FROM article WHERE id = ?")
            // A cursor reuses its row: keep the values, not the row.
            func topic(_ row: Row) -> (article: Int64, topic: DayTopic) {
                (row["article_id"], DayTopic(id: row["id"], name: row["name"], score: row["score"]))
            }
            func source(_ row: Row) -> (article: Int64, bulletin: Int64, name: String, info: DayBulletin) {
                (row["article_id"], row["id"], row["file_name"],
                 DayBulletin(fileName: row["file_name"], title: row["title"], date: row["bulletin_date"],
                             receivedAt: row["received_at"]))
            }
            var nextTopic = try topics.next().map(topic)
            var nextSource = try sources.next().map(source)
            while let row = try articles.next() {
                let id: Int64 = row["id"]
                var dayTopics: [DayTopic] = []
                while let pending = nextTopic, pending.article == id {
                    dayTopics.append(pending.topic)
                    nextTopic = try topics.next().map(topic)
                }
                var daySources: [String] = []
                var dayBulletins: [DayBulletin] = []
                var lastBulletin: Int64?
                while let pending = nextSource, pending.article == id {
                    // An article twice in one bulletin: that bulletin once.
                    if pending.bulletin != lastBulletin {
                        daySources.append(pending.name)
                        dayBulletins.append(pending.info)
                    }
                    lastBulletin = pending.bulletin
                    nextSource = try sources.next().map(source)
                }
                var body: String = row["body"]
                var why: String? = row["why"]
                let wholeBody = row["body_cut"] && needsWholeText(body)
                let wholeWhy = (row["why_cut"] ?? false) && why.map(needsWholeText) == true
                if wholeBody || wholeWhy, let whole = try wholeText.fetchOne([id]) {
                    if wholeBody { body = whole["body"] }
                    if wholeWhy { why = whole["why"] }
                }
                var article = DayArticle(articleID: id, title: row["title"], body: body, why: why,
                                         topics: dayTopics, sources: daySources, firstReceivedAt: row["first_received_at"])
                article.bulletins = dayBulletins
                try visit(article)
            }
            return bulletins
        }
    }

    /// Frees SQLite's caches (each connection keeps up to ~2 MB of pages); the connections stay
    /// open (see `init`). Waits for a write in progress to finish. For a long-running process
    /// after a large read such as a summary.
    public func releaseMemory() {
        pool.releaseMemory()
    }

    /// Topic ids of an article, highest score first.
    static func topicIDs(of articleID: Int64, in db: Connection) throws -> [String] {
        try db.cachedStatement("""
            SELECT topic_id FROM article_topic WHERE article_id = ? ORDER BY score DESC, topic_id
            """).fetchValues(String.self, [articleID])
    }

    /// File names of the bulletins that contain an article, in order of arrival, each once.
    static func sources(of articleID: Int64, in db: Connection) throws -> [String] {
        try db.cachedStatement("""
            SELECT file_name FROM bulletin
            WHERE id IN (SELECT bulletin_id FROM bulletin_article WHERE article_id = ?)
            ORDER BY received_at, id
            """).fetchValues(String.self, [articleID])
    }
}
