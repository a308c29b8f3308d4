import SQLite

/// The database schema as named migrations. Never edit a shipped migration: add a new one.
///
/// The statements are those GRDB's schema builder ran when GRDB wrote this schema (up to
/// 2026-12), kept word for word, so a database made today is the same as one made then, and
/// the applied migrations are recorded in the table GRDB kept (`grdb_migrations`), so a
/// database it migrated carries on where it is.
enum StoreSchema {
    static var migrator: SchemaMigrator {
        var migrator = SchemaMigrator()
        // Bulletins, articles, their links and topics, and the full-text index of the articles
        // (FTS5, external content, kept by triggers until v5).
        migrator.registerMigration("v1-bulletins-articles-topics") { db in
            try db.execute(#"""
                CREATE TABLE "bulletin" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "file_name" TEXT NOT NULL, \#
                "content_hash" TEXT NOT NULL UNIQUE, "size" INTEGER NOT NULL, "format" TEXT NOT NULL, \#
                "encoding" TEXT NOT NULL, "received_at" DATETIME NOT NULL, "bulletin_date" DATETIME, "title" TEXT, \#
                "duplicate_count" INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX "bulletin_on_received_at" ON "bulletin"("received_at");
                CREATE TABLE "article" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "text_hash" TEXT NOT NULL UNIQUE, \#
                "title" TEXT NOT NULL, "body" TEXT NOT NULL, "why" TEXT, "first_received_at" DATETIME NOT NULL);
                CREATE INDEX "article_on_first_received_at" ON "article"("first_received_at");
                CREATE TABLE "bulletin_article" (\#
                "bulletin_id" INTEGER NOT NULL REFERENCES "bulletin"("id") ON DELETE CASCADE, \#
                "article_id" INTEGER NOT NULL REFERENCES "article"("id") ON DELETE CASCADE, \#
                "position" INTEGER NOT NULL, PRIMARY KEY ("bulletin_id", "position"));
                CREATE INDEX "bulletin_article_on_article_id" ON "bulletin_article"("article_id");
                CREATE TABLE "topic" ("id" TEXT PRIMARY KEY NOT NULL, "name" TEXT NOT NULL);
                CREATE TABLE "article_topic" (\#
                "article_id" INTEGER NOT NULL REFERENCES "article"("id") ON DELETE CASCADE, \#
                "topic_id" TEXT NOT NULL REFERENCES "topic"("id"), "score" DOUBLE NOT NULL, \#
                "matched_terms" TEXT NOT NULL DEFAULT '[]', PRIMARY KEY ("article_id", "topic_id"));
                CREATE INDEX "article_topic_on_topic_id" ON "article_topic"("topic_id");
                CREATE VIRTUAL TABLE "article_fts" USING fts5(title, body, why, \#
                tokenize='''unicode61'' ''remove_diacritics'' ''2''', content='article', content_rowid='id');
                CREATE TRIGGER "__article_fts_ai" AFTER INSERT ON "article" BEGIN
                    INSERT INTO "article_fts"("rowid", "title", "body", "why") \#
                VALUES (new."id", new."title", new."body", new."why");
                END;
                CREATE TRIGGER "__article_fts_ad" AFTER DELETE ON "article" BEGIN
                    INSERT INTO "article_fts"("article_fts", "rowid", "title", "body", "why") \#
                VALUES('delete', old."id", old."title", old."body", old."why");
                END;
                CREATE TRIGGER "__article_fts_au" AFTER UPDATE ON "article" BEGIN
                    INSERT INTO "article_fts"("article_fts", "rowid", "title", "body", "why") \#
                VALUES('delete', old."id", old."title", old."body", old."why");
                    INSERT INTO "article_fts"("rowid", "title", "body", "why") \#
                VALUES (new."id", new."title", new."body", new."why");
                END;
                INSERT INTO "article_fts"("article_fts") VALUES('rebuild');
                """#)
        }
        // Whether a bulletin's file has left the inbox (archived). The daemon stores a
        // bulletin with filed = 0 and marks it after the move, so a file found again after a
        // crash in between is recognised and filed without being counted as a duplicate.
        migrator.registerMigration("v2-bulletin-filed") { db in
            try db.execute(#"ALTER TABLE "bulletin" ADD COLUMN "filed" BOOLEAN NOT NULL DEFAULT 1"#)
        }
        // The full-text index's explicit 'merge' steps (`Store.tidyIndex`) also merge levels of
        // only two segments, so that a daemon tidying while idle leaves little for the merges
        // SQLite otherwise does inside a commit. A setting of the index (stored in it).
        migrator.registerMigration("v3-fts-usermerge") { db in
            try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES('usermerge', 2)")
        }
        // Repeated boilerplate (`Store+Boilerplate`): per sender, the number of bulletins
        // stored, and the fingerprints of the titles and skipped paragraphs of its recent
        // bulletins with the number of bulletins each was seen in and the last one.
        migrator.registerMigration("v4-boilerplate") { db in
            try db.execute(#"""
                CREATE TABLE "boilerplate_sender" ("sender" TEXT PRIMARY KEY NOT NULL, "bulletins" INTEGER NOT NULL);
                CREATE TABLE "boilerplate_line" ("sender" TEXT NOT NULL, "fingerprint" INTEGER NOT NULL, \#
                "bulletins" INTEGER NOT NULL, "last_seen" INTEGER NOT NULL, \#
                PRIMARY KEY ("sender", "fingerprint")) WITHOUT ROWID;
                """#)
        }
        // The full-text index is written by the store in the transaction that writes the
        // article (`Store+FullText`), no longer by the triggers of v1: a trigger runs in a
        // statement transaction, at whose end FTS5 flushes its pending terms (one index
        // segment per article). The index the triggers kept is exact, so it stays as it is;
        // only the triggers go.
        migrator.registerMigration("v5-fts-written-by-store") { db in
            for suffix in ["ai", "ad", "au"] {
                try db.execute("DROP TRIGGER IF EXISTS \"__article_fts_\(suffix)\"")
            }
        }
        // Story clusters (`Store+Stories`, docs/STORIES.md): each story with its first arrival
        // and article count, each article's story and story words (from which the in-memory
        // band index, `StoryBandIndex`, is built). Articles stored before have no story.
        migrator.registerMigration("v6-stories") { db in
            try db.execute(#"""
                CREATE TABLE "story" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "first_seen" DATETIME NOT NULL, \#
                "articles" INTEGER NOT NULL);
                CREATE TABLE "article_story" (\#
                "article_id" INTEGER PRIMARY KEY REFERENCES "article"("id") ON DELETE CASCADE, \#
                "story_id" INTEGER NOT NULL REFERENCES "story"("id"), "words" BLOB NOT NULL);
                CREATE INDEX "article_story_by_story" ON "article_story"("story_id", "article_id");
                """#)
        }
        // The full-text index merges its segments in larger steps inside commits: a level is
        // merged once it holds 16 segments, not SQLite's 4 ('automerge'), little by little as
        // writes come ('crisismerge' 64: a level is merged all at once, inside one commit, only
        // past 64 segments, where 16 would have made the two settings meet and every merge a
        // whole one). Under a stream of batches (one commit, so one new segment, each) the
        // index's entries are rewritten less often: for 2,000 bulletins, the storing thread wrote
        // 467 MB instead of 590 MB and spent about 14 % less CPU (docs/PERFORMANCE.md,
        // "Throughput, seventh round"). What a burst leaves unmerged, the daemon's idle steps
        // (`Store.tidyIndex`, usermerge 2) merge once the files stop. Settings of the index,
        // kept in it.
        migrator.registerMigration("v7-fts-automerge") { db in
            try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 16)")
            try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES('crisismerge', 64)")
        }
        return migrator
    }
}
