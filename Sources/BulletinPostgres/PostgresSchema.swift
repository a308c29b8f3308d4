import Foundation
import PostgresNIO

/// The PostgreSQL schema as numbered migrations, recorded in their own table
/// `bulletind_schema_version` (version, name, applied_at). Never edit a shipped migration: add
/// one. Several daemons may start at once: migrations run under a transaction-scoped advisory
/// lock, so exactly one of them applies each step and the others find it done.
enum PostgresSchema {
    /// The advisory lock key of migrations (any constant; "bulletin" in ASCII).
    static let lockKey: Int64 = 0x62756c6c6574696e

    static let migrations: [(version: Int, name: String, sql: [String])] = [
        (1, "bulletins-articles-topics-search", [
            // Accents folded like SQLite's `unicode61 remove_diacritics 2`, case folded, no
            // stemming and no stop words ('simple'): the same words match in both backends.
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            "CREATE TEXT SEARCH CONFIGURATION bulletind (COPY = simple)",
            """
            ALTER TEXT SEARCH CONFIGURATION bulletind
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple
            """,
            """
            CREATE TABLE bulletin (
                id bigserial PRIMARY KEY,
                file_name text NOT NULL,
                content_hash text NOT NULL UNIQUE,
                size bigint NOT NULL,
                format text NOT NULL,
                encoding text NOT NULL,
                received_at timestamptz NOT NULL,
                bulletin_date timestamptz,
                title text,
                duplicate_count integer NOT NULL DEFAULT 0,
                filed boolean NOT NULL DEFAULT true,
                stored_by text NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX bulletin_received_at ON bulletin (received_at)",
            "CREATE INDEX bulletin_unfiled ON bulletin (stored_by) WHERE NOT filed",
            // The weighted document: title A, why B, body C (ranked 1.0 / 0.3 / 0.1 in
            // `PostgresArchive.search`, the ratios of SQLite's bm25 weights 10 / 3 / 1).
            """
            CREATE TABLE article (
                id bigserial PRIMARY KEY,
                text_hash text NOT NULL UNIQUE,
                title text NOT NULL,
                body text NOT NULL,
                why text,
                first_received_at timestamptz NOT NULL,
                search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('bulletind'::regconfig, title), 'A') ||
                    setweight(to_tsvector('bulletind'::regconfig, coalesce(why, '')), 'B') ||
                    setweight(to_tsvector('bulletind'::regconfig, body), 'C')
                ) STORED
            )
            """,
            "CREATE INDEX article_first_received_at ON article (first_received_at, id)",
            "CREATE INDEX article_search ON article USING gin (search)",
            """
            CREATE TABLE bulletin_article (
                bulletin_id bigint NOT NULL REFERENCES bulletin ON DELETE CASCADE,
                article_id bigint NOT NULL REFERENCES article ON DELETE CASCADE,
                position integer NOT NULL,
                PRIMARY KEY (bulletin_id, position)
            )
            """,
            "CREATE INDEX bulletin_article_article ON bulletin_article (article_id)",
            "CREATE TABLE topic (id text PRIMARY KEY, name text NOT NULL)",
            """
            CREATE TABLE article_topic (
                article_id bigint NOT NULL REFERENCES article ON DELETE CASCADE,
                topic_id text NOT NULL REFERENCES topic,
                score double precision NOT NULL,
                matched_terms text NOT NULL DEFAULT '[]',
                PRIMARY KEY (article_id, topic_id)
            )
            """,
            "CREATE INDEX article_topic_topic ON article_topic (topic_id)",
            "CREATE TABLE boilerplate_sender (sender text PRIMARY KEY, bulletins integer NOT NULL)",
            """
            CREATE TABLE boilerplate_line (
                sender text NOT NULL,
                fingerprint bigint NOT NULL,
                bulletins integer NOT NULL,
                last_seen integer NOT NULL,
                PRIMARY KEY (sender, fingerprint)
            )
            """,
        ]),
        // Story clusters (docs/STORIES.md), as SQLite's `v6-stories`; `assigned` numbers the
        // assignments in commit order (they take `PostgresArchive.storyLockKey`), which is how
        // a daemon's band index catches up with the stories other daemons assigned.
        // `topic_generation` counts the reclassifications: `dayCounts`'s `topicRowsFloor`.
        (2, "stories-topic-generation", [
            """
            CREATE TABLE story (
                id bigserial PRIMARY KEY,
                first_seen timestamptz NOT NULL,
                articles integer NOT NULL
            )
            """,
            """
            CREATE TABLE article_story (
                article_id bigint PRIMARY KEY REFERENCES article ON DELETE CASCADE,
                story_id bigint NOT NULL REFERENCES story,
                words bytea NOT NULL,
                assigned bigserial NOT NULL
            )
            """,
            "CREATE INDEX article_story_by_story ON article_story (story_id, article_id)",
            "CREATE UNIQUE INDEX article_story_assigned ON article_story (assigned)",
            """
            CREATE TABLE topic_generation (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                value bigint NOT NULL
            )
            """,
            "INSERT INTO topic_generation (value) VALUES (0)",
        ]),
        // Each arrival of a duplicate counted once, even when the transaction that counted it
        // is retried (its COMMIT got no answer) or its daemon was killed before it moved the
        // file (the same file is taken again): `IncomingBulletin.arrival`, with the daemon's name.
        (3, "duplicate-arrivals", [
            """
            CREATE TABLE duplicate_arrival (
                arrival text PRIMARY KEY,
                bulletin_id bigint NOT NULL REFERENCES bulletin (id) ON DELETE CASCADE,
                counted_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
    ]

    /// Applies the migrations not yet recorded, each in its own transaction with its version row.
    static func migrate(_ session: PostgresSession) throws {
        for migration in migrations {
            try session.transaction {
                try session.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
                try session.execute("""
                    CREATE TABLE IF NOT EXISTS bulletind_schema_version (
                        version integer PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """)
                let done = try session.query("SELECT 1 FROM bulletind_schema_version WHERE version = $1",
                                             [.int(Int64(migration.version))])
                guard done.isEmpty else { return }
                for statement in migration.sql {
                    do {
                        try session.execute(statement)
                    } catch let error as PSQLError where statement.contains("EXTENSION") {
                        throw PostgresSettingError(
                            "database: the unaccent extension cannot be created (\(error.serverInfo?[.message] ?? "refused")) — run CREATE EXTENSION unaccent in this database as its owner or a superuser (Debian: package postgresql-contrib)")
                    }
                }
                try session.execute("INSERT INTO bulletind_schema_version (version, name) VALUES ($1, $2)",
                                    [.int(Int64(migration.version)), .text(migration.name)])
            }
        }
    }

    /// The highest version applied (0: none).
    static func version(_ session: PostgresSession) throws -> Int {
        let rows = try session.query("SELECT COALESCE(MAX(version), 0) FROM bulletind_schema_version")
        return Int(try rows[0].decode(Int64.self))
    }
}
