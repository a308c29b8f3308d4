import Foundation
import PostgresNIO
import BulletinStore
import BulletinStories

/// Story clusters in PostgreSQL (docs/STORIES.md): tables `story` and `article_story` as in
/// SQLite (migration 2), the same `StoryMatcher` decisions, and a band index in memory per
/// process (`StoryBandIndex`).
///
/// Several daemons: story assignment is serialised by a transaction-scoped advisory lock
/// (`storyLockKey`), taken as the LAST step of an ingest transaction and held until its commit.
/// So two daemons assigning at the same moment CANNOT both start a story for the same event
/// without seeing each other: the second waits for the first to commit, catches its band
/// index up with what the first assigned (`article_story.assigned`, which grows in commit
/// order), and then decides, exactly as one daemon storing both articles in that order would.
/// What they CAN do: decide in either order (whichever commits its assignment first goes
/// first, so numbering and grouping follow commit order, not arrival time), and wait for each
/// other's commit (the part of an ingest from the story step to the commit is one at a time
/// across daemons). A transaction rolled back after the story step leaves band keys that point
/// to nothing in the index of its process: only a hint, skipped at the next lookup (as in SQLite).
extension PostgresArchive {
    /// The advisory lock key of story assignment ("stories" in ASCII).
    static let storyLockKey: Int64 = 0x73746f72696573

    /// A new article to assign, inside the ingest transaction.
    struct NewStoryArticle {
        var articleID: Int64
        var signature: StorySignature
        var receivedAt: Date
    }

    /// Assigns each of `articles` (new, in the order they were stored) to the story `matcher`
    /// chooses, or a new story. Takes the story lock first: call it last in the transaction.
    func assignStories(_ articles: [NewStoryArticle], matcher: StoryMatcher, in session: PostgresSession) throws {
        guard !articles.isEmpty else { return }
        try session.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.storyLockKey)])
        for article in articles {
            let found = try storyBands.candidates(for: article.signature, articleID: article.articleID, position: nil) {
                after, limit in try storedWords(after: after, limit: limit, in: session)
            }
            let chosen = try matcher.story(for: article.signature, candidates: found, storyOf: { other in
                try session.query("SELECT story_id, words FROM article_story WHERE article_id = $1", [.int(other)])
                    .first.map { row in
                        let (story, words) = try row.decode((Int64, Data).self)
                        return (story: story, words: StorySignature.words(packed: words))
                    }
            }, recentMembers: { story in
                try session.query("""
                    SELECT words FROM article_story WHERE story_id = $1 ORDER BY article_id DESC LIMIT $2
                    """, [.int(story), .int(Int64(StoryMatcher.membersCompared))])
                    .map { StorySignature.words(packed: try $0.decode(Data.self)) }
            })
            let storyID: Int64
            if let chosen {
                storyID = chosen
                try session.execute("""
                    UPDATE story SET articles = articles + 1, first_seen = LEAST(first_seen, $1) WHERE id = $2
                    """, [.date(article.receivedAt), .int(storyID)])
            } else {
                storyID = try session.query("INSERT INTO story (first_seen, articles) VALUES ($1, 1) RETURNING id",
                                            [.date(article.receivedAt)])[0].decode(Int64.self)
            }
            try session.execute("INSERT INTO article_story (article_id, story_id, words) VALUES ($1, $2, $3)",
                                [.int(article.articleID), .int(storyID), .bytes(Data(article.signature.packed))])
        }
    }

    /// The stored story words after assignment number `after` in assignment order; with no
    /// `after` (a rebuild), the last `limit` assignments in that order.
    private func storedWords(after: Int64?, limit: Int, in session: PostgresSession) throws -> [StoryBandIndex.Stored] {
        let rows: [PostgresRow]
        if let after {
            rows = try session.query("""
                SELECT assigned, article_id, words FROM article_story WHERE assigned > $1 ORDER BY assigned
                """, [.int(after)])
        } else {
            rows = try session.query("""
                SELECT * FROM (SELECT assigned, article_id, words FROM article_story ORDER BY assigned DESC LIMIT $1) x
                ORDER BY assigned
                """, [.int(Int64(limit))])
        }
        return try rows.map { row in
            let (assigned, article, words) = try row.decode((Int64, Int64, Data).self)
            return (position: assigned, articleID: article, words: StorySignature.words(packed: words))
        }
    }

    /// The story of an article, or nil when it has none.
    func story(ofArticle articleID: Int64, in session: PostgresSession) throws -> ArticleStory? {
        try session.query("""
            SELECT s.id, s.first_seen, s.articles FROM article_story a JOIN story s ON s.id = a.story_id
            WHERE a.article_id = $1
            """, [.int(articleID)]).first.map { row in
                let (id, firstSeen, articles) = try row.decode((Int64, Date, Int32).self)
                return ArticleStory(id: id, firstSeen: firstSeen, articles: Int(articles))
            }
    }

    /// As `Store.dayStories(from:to:)`, from one snapshot.
    public func dayStories(from: Date, to: Date) throws -> [DayStory] {
        try read { session in
            let range: [SQLValue] = [.date(from), .date(to)]
            var order: [Int64] = []
            var byStory: [Int64: DayStory] = [:]
            for row in try session.query("""
                SELECT s.story_id, a.id, st.articles
                FROM article a JOIN article_story s ON s.article_id = a.id JOIN story st ON st.id = s.story_id
                WHERE a.first_received_at >= $1 AND a.first_received_at < $2
                ORDER BY a.first_received_at, a.id
                """, range) {
                let (story, article, total) = try row.decode((Int64, Int64, Int32).self)
                if byStory[story] == nil {
                    order.append(story)
                    byStory[story] = DayStory(storyID: story, articleIDs: [], bulletins: 0, totalArticles: Int(total),
                                              earlierArticles: 0, firstSeen: nil)
                }
                byStory[story]?.articleIDs.append(article)
            }
            guard !order.isEmpty else { return [] }
            var bulletins: [Int64: Int] = [:]
            for row in try session.query("""
                SELECT s.story_id, COUNT(DISTINCT ba.bulletin_id)
                FROM article a JOIN article_story s ON s.article_id = a.id
                JOIN bulletin_article ba ON ba.article_id = a.id
                JOIN bulletin b ON b.id = ba.bulletin_id
                WHERE a.first_received_at >= $1 AND a.first_received_at < $2
                  AND b.received_at >= $1 AND b.received_at < $2
                GROUP BY s.story_id
                """, range) {
                let (story, count) = try row.decode((Int64, Int64).self)
                bulletins[story] = Int(count)
            }
            // Only a story with more articles than the interval's can have earlier ones.
            let continuing = order.filter { byStory[$0].map { $0.totalArticles > $0.articleIDs.count } ?? false }
            var earlier: [Int64: (count: Int, first: Date?)] = [:]
            if !continuing.isEmpty {
                for row in try session.query("""
                    SELECT s.story_id, COUNT(*), MIN(a.first_received_at)
                    FROM article_story s JOIN article a ON a.id = s.article_id
                    WHERE s.story_id = ANY($1) AND a.first_received_at < $2
                    GROUP BY s.story_id
                    """, [.ints(continuing), .date(from)]) {
                    let (story, count, first) = try row.decode((Int64, Int64, Date?).self)
                    earlier[story] = (Int(count), first)
                }
            }
            return order.compactMap { id in
                guard var story = byStory[id] else { return nil }
                story.bulletins = bulletins[id] ?? 0
                if let found = earlier[id] {
                    story.earlierArticles = found.count
                    story.firstSeen = found.first
                }
                return story
            }
        }
    }
}
