import GRDB

/// The database schema as named migrations. Never edit a shipped migration: add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-bulletins-articles-topics") { db in
            try db.create(table: "bulletin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file_name", .text).notNull()
                t.column("content_hash", .text).notNull().unique()
                t.column("size", .integer).notNull()
                t.column("format", .text).notNull()
                t.column("encoding", .text).notNull()
                t.column("received_at", .datetime).notNull().indexed()
                t.column("bulletin_date", .datetime)
                t.column("title", .text)
                t.column("duplicate_count", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "article") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("text_hash", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("why", .text)
                t.column("first_received_at", .datetime).notNull().indexed()
            }
            try db.create(table: "bulletin_article") { t in
                t.column("bulletin_id", .integer).notNull()
                    .references("bulletin", onDelete: .cascade)
                t.column("article_id", .integer).notNull().indexed()
                    .references("article", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.primaryKey(["bulletin_id", "position"])
            }
            try db.create(table: "topic") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "article_topic") { t in
                t.column("article_id", .integer).notNull()
                    .references("article", onDelete: .cascade)
                t.column("topic_id", .text).notNull().indexed()
                    .references("topic")
                t.column("score", .double).notNull()
                t.column("matched_terms", .text).notNull().defaults(to: "[]")
                t.primaryKey(["article_id", "topic_id"])
            }
            try db.create(virtualTable: "article_fts", using: FTS5()) { t in
                t.synchronize(withTable: "article")
                t.tokenizer = FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"])
                t.column("title")
                t.column("body")
                t.column("why")
            }
        }
        // Whether a bulletin's file has left the inbox (archived). The daemon stores a
        // bulletin with filed = 0 and marks it after the move, so a file found again after a
        // crash in between is recognised and filed without being counted as a duplicate.
        migrator.registerMigration("v2-bulletin-filed") { db in
            try db.alter(table: "bulletin") { t in
                t.add(column: "filed", .boolean).notNull().defaults(to: true)
            }
        }
        // The full-text index's explicit 'merge' steps (`Store.tidyIndex`) also merge levels of
        // only two segments, so that a daemon tidying while idle leaves little for the merges
        // SQLite otherwise does inside a commit. A setting of the index (stored in it).
        migrator.registerMigration("v3-fts-usermerge") { db in
            try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES('usermerge', 2)")
        }
        // Repeated boilerplate (`Store+Boilerplate`): per sender, the number of bulletins
        // stored, and the fingerprints of the titles and skipped paragraphs of its recent
        // bulletins with the number of bulletins each was seen in and the last one.
        migrator.registerMigration("v4-boilerplate") { db in
            try db.create(table: "boilerplate_sender") { t in
                t.primaryKey("sender", .text)
                t.column("bulletins", .integer).notNull()
            }
            try db.create(table: "boilerplate_line", options: .withoutRowID) { t in
                t.column("sender", .text).notNull()
                t.column("fingerprint", .integer).notNull()
                t.column("bulletins", .integer).notNull()
                t.column("last_seen", .integer).notNull()
                t.primaryKey(["sender", "fingerprint"])
            }
        }
        // The full-text index is written by the store in the transaction that writes the
        // article (`Store+FullText`), no longer by the triggers `synchronize(withTable:)` made
        // in v1: a trigger runs in a statement transaction, at whose end FTS5 flushes its
        // pending terms (one index segment per article). The index the triggers kept is
        // exact, so it stays as it is; only the triggers go.
        migrator.registerMigration("v5-fts-written-by-store") { db in
            for suffix in ["ai", "ad", "au"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \"__article_fts_\(suffix)\"")
            }
        }
        // Story clusters (`Store+Stories`, docs/STORIES.md): each story with its first arrival
        // and article count, each article's story and story words (from which the in-memory
        // band index, `StoryBandIndex`, is built). Articles stored before have no story.
        migrator.registerMigration("v6-stories") { db in
            try db.create(table: "story") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("first_seen", .datetime).notNull()
                t.column("articles", .integer).notNull()
            }
            try db.create(table: "article_story") { t in
                t.primaryKey("article_id", .integer).references("article", onDelete: .cascade)
                t.column("story_id", .integer).notNull().references("story")
                t.column("words", .blob).notNull()
            }
            try db.create(index: "article_story_by_story", on: "article_story", columns: ["story_id", "article_id"])
        }
        return migrator
    }
}
