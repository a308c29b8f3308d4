import SQLite

/// The full-text index (`article_fts`, FTS5 with `article` as its external content), written
/// by the store itself in the transaction that writes the article row: no triggers.
///
/// Why not triggers (what `synchronize(withTable:)` creates, and what the schema had up to
/// migration v5): a trigger runs inside a statement transaction, and FTS5 flushes its pending
/// terms at each such savepoint, so every article became one index segment (and merges to
/// match); the trigger on UPDATE also re-indexed an article whenever only its first-received
/// time changed. Writing the index rows directly lets FTS5 buffer a whole batch in memory
/// and write it as one segment at commit. The atomicity is the same: the row and its index
/// entry commit or roll back together.
///
/// The rule every write path keeps: an `article` row's `title`, `body` and `why` are in the
/// index exactly as stored. Whoever inserts an article calls `indexArticle`; whoever changes
/// those columns calls `reindexArticle` with the text as it was; whoever deletes an article
/// calls `unindexArticle` first. `fullTextIntegrityCheck()` verifies the rule.
extension Store {
    /// The text of one article as the index knows it.
    struct IndexedText {
        var title: String
        var body: String
        var why: String?
    }

    /// Adds a new article's text to the index (in the caller's transaction).
    static func indexArticle(id: Int64, _ text: IndexedText, in db: Connection) throws {
        try db.cachedStatement("INSERT INTO article_fts (rowid, title, body, why) VALUES (?, ?, ?, ?)")
            .execute([id, text.title, text.body, text.why])
    }

    /// Removes an article's text from the index. `text` must be the text the index holds for
    /// it (the row's columns before the change): FTS5 removes the terms of the text it is
    /// given, so other text would corrupt the index.
    static func unindexArticle(id: Int64, _ text: IndexedText, in db: Connection) throws {
        try db.cachedStatement("""
            INSERT INTO article_fts (article_fts, rowid, title, body, why) VALUES ('delete', ?, ?, ?, ?)
            """).execute([id, text.title, text.body, text.why])
    }

    /// The text the index holds for an article: its row as stored (nil when there is none).
    static func indexedText(articleID: Int64, in db: Connection) throws -> IndexedText? {
        try db.cachedStatement("SELECT title, body, why FROM article WHERE id = ?").fetchOne([articleID])
            .map { IndexedText(title: $0["title"], body: $0["body"], why: $0["why"]) }
    }

    /// Replaces an article's title, body and "why it matters" and its index entry in ONE
    /// transaction. Returns false (nothing changed) when there is no such article. The
    /// article keeps its id, links, topics and text hash (its identity is the text it
    /// arrived with); run `reclassify` to classify the new text.
    @discardableResult
    public func editArticle(id: Int64, title: String, body: String, why: String?) throws -> Bool {
        defer { checkpointer?.request() }
        return try pool.write { db in
            guard let old = try Store.indexedText(articleID: id, in: db) else { return false }
            try Store.unindexArticle(id: id, old, in: db)
            try db.cachedStatement("UPDATE article SET title = ?, body = ?, why = ? WHERE id = ?")
                .execute([title, body, why, id])
            try Store.indexArticle(id: id, IndexedText(title: title, body: body, why: why), in: db)
            return true
        }
    }

    /// Deletes an article with its index entry, links and topics in ONE transaction.
    /// Returns false when there is no such article. (A bulletin left with no articles keeps
    /// its row: its content hash still marks the file as seen.)
    @discardableResult
    public func deleteArticle(id: Int64) throws -> Bool {
        defer { checkpointer?.request() }
        return try pool.write { db in
            guard let old = try Store.indexedText(articleID: id, in: db) else { return false }
            try Store.unindexArticle(id: id, old, in: db)
            try db.execute("DELETE FROM article WHERE id = ?", [id])
            // Its story row goes with it (ON DELETE CASCADE), and its id may be handed out again.
            storyWords.clear()
            return true
        }
    }

    /// FTS5's 'integrity-check' against the content table: nil when the index and the
    /// `article` table agree (every row indexed with its current text, nothing else indexed),
    /// else SQLite's message. A write statement: it waits for the writer like any write.
    public func fullTextIntegrityCheck() throws -> String? {
        try pool.writeWithoutTransaction { db in
            do {
                try db.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
                return nil
            } catch let error as SQLiteError where error.isCorrupt {
                return error.message
            }
        }
    }
}
