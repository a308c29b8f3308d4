#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SQLite
import BulletinStories

/// Story clusters (docs/STORIES.md): each article stored since the `v6-stories` migration
/// belongs to one story, assigned once, when the article is first stored, and never
/// recomputed. Tables: `story` (id, first seen, article count) and `article_story` (an
/// article's story and its story words); the band index through which a new article finds
/// its candidates is kept in memory (`StoryBandIndex`).
extension Store {
    /// Assigns a NEW article (just inserted, inside the bulletin's ingest transaction) to a
    /// story: the one `matcher` chooses among the stories of the most recent articles that
    /// share a band key with it (`StoryBandIndex`), or a new story. Bounded work: at most
    /// `StoryMatcher.candidatesCompared` articles compared, and `membersCompared` members of
    /// each story close enough to count. A candidate's story and words come from `words` when it
    /// remembers them (the same as the row: `StoryWordsCache`), else from the database.
    static func assignStory(articleID: Int64, signature: StorySignature, receivedAt: Date,
                            matcher: StoryMatcher, bands: StoryBandIndex, words: StoryWordsCache,
                            in db: Connection) throws {
        let candidate = try db.cachedStatement("SELECT story_id, words FROM article_story WHERE article_id = ?")
        let members = try db.cachedStatement("""
            SELECT words FROM article_story WHERE story_id = ? ORDER BY article_id DESC LIMIT ?
            """)
        let found = try bands.candidates(for: signature, articleID: articleID, position: articleID) { after, limit in
            let rows: [Row]
            if let after {
                rows = try db.cachedStatement("""
                    SELECT article_id, words FROM article_story WHERE article_id > ? ORDER BY article_id
                    """).fetchAll([after])
            } else {
                rows = try db.fetchAll("""
                    SELECT article_id, words FROM article_story ORDER BY article_id DESC LIMIT ?
                    """, [limit]).reversed()
            }
            return rows.map { row in
                (position: row["article_id"], articleID: row["article_id"],
                 words: StorySignature.words(packed: row["words"] as Data))
            }
        }
        let chosen = try matcher.story(for: signature, candidates: found, storyOf: { other in
            if let remembered = words.lookup(other) { return remembered }
            return try candidate.fetchOne([other]).map { row in
                (story: row["story_id"], words: StorySignature.words(packed: row["words"] as Data))
            }
        }, recentMembers: { story in
            try members.fetchValues(Data.self, [story, StoryMatcher.membersCompared])
                .map { StorySignature.words(packed: $0) }
        })
        let storyID: Int64
        if let chosen {
            storyID = chosen
            try db.cachedStatement("""
                UPDATE story SET articles = articles + 1, first_seen = MIN(first_seen, ?) WHERE id = ?
                """).execute([receivedAt, storyID])
        } else {
            try db.cachedStatement("INSERT INTO story (first_seen, articles) VALUES (?, 1)")
                .execute([receivedAt])
            storyID = db.lastInsertedRowID
        }
        try db.cachedStatement("INSERT INTO article_story (article_id, story_id, words) VALUES (?, ?, ?)")
            .execute([articleID, storyID, Data(signature.packed)])
        words.record(articleID: articleID, story: storyID, words: signature.words)
    }

    /// The story of an article, or nil when it has none (stored before stories existed).
    static func story(ofArticle articleID: Int64, in db: Connection) throws -> ArticleStory? {
        try db.cachedStatement("""
            SELECT s.id, s.first_seen, s.articles FROM article_story a JOIN story s ON s.id = a.story_id
            WHERE a.article_id = ?
            """).fetchOne([articleID])
            .map { ArticleStory(id: $0["id"], firstSeen: $0["first_seen"], articles: $0["articles"]) }
    }

    /// The stories of `dayStories(from:to:)`, with the same counts, one at a time (in order of
    /// story id): SQLite groups the day's rows by story in its sorter, which keeps about a page
    /// cache's worth in memory and spills the rest to a temporary file, so the memory used does
    /// not grow with the day's articles. One snapshot.
    public func dayStoryCounts(from: Date, to: Date, _ visit: (DayStoryCount) throws -> Void) throws {
        try pool.read { db in
            let range: [any SQLValueConvertible] = [from, to]
            // The first article in (first arrival, id) order: the smallest of the time's fixed-width
            // text followed by the id in 20 digits.
            let stories = try db.cursor("""
                SELECT s.story_id, st.articles AS total, COUNT(DISTINCT a.id) AS articles,
                       MIN(a.first_received_at || printf('%020d', a.id)) AS first_key,
                       COUNT(DISTINCT b.id) AS bulletins
                FROM article a
                JOIN article_story s ON s.article_id = a.id
                JOIN story st ON st.id = s.story_id
                LEFT JOIN bulletin_article ba ON ba.article_id = a.id
                LEFT JOIN bulletin b ON b.id = ba.bulletin_id AND b.received_at >= ? AND b.received_at < ?
                WHERE a.first_received_at >= ? AND a.first_received_at < ?
                GROUP BY s.story_id
                """, range + range)
            let earlier = try db.cachedStatement(Self.earlierArticlesSQL)
            while let row = try stories.next() {
                let key: String = row["first_key"]
                guard let first = Int64(key.suffix(20)) else { continue }
                var story = DayStoryCount(storyID: row["story_id"], firstArticleID: first, articles: row["articles"],
                                          bulletins: row["bulletins"], totalArticles: row["total"],
                                          earlierArticles: 0, firstSeen: nil)
                if story.totalArticles > story.articles, let counts = try earlier.fetchOne([story.storyID, from]) {
                    story.earlierArticles = counts["n"]
                    story.firstSeen = counts["first"]
                }
                try visit(story)
            }
        }
    }

    /// A story's articles first received before a time, and the first arrival among them.
    private static let earlierArticlesSQL = """
        SELECT COUNT(*) AS n, MIN(a.first_received_at) AS first
        FROM article_story s JOIN article a ON a.id = s.article_id
        WHERE s.story_id = ? AND a.first_received_at < ?
        """

    /// The stories of the articles first received in `[from, to)`, with what the summary's
    /// Top stories need to choose and show them: for each story, its articles of the interval
    /// (in order of first arrival, then id), the distinct bulletins received in the interval
    /// that carried them, and, for a story that began earlier, its articles before `from` and
    /// the first arrival among them. In order of the story's first article of the interval.
    /// Articles without a story are left out. One snapshot.
    public func dayStories(from: Date, to: Date) throws -> [DayStory] {
        try pool.read { db in
            let range: [any SQLValueConvertible] = [from, to]
            var order: [Int64] = []
            var byStory: [Int64: DayStory] = [:]
            for row in try db.fetchAll("""
                SELECT s.story_id, a.id, st.articles AS total
                FROM article a JOIN article_story s ON s.article_id = a.id JOIN story st ON st.id = s.story_id
                WHERE a.first_received_at >= ? AND a.first_received_at < ?
                ORDER BY a.first_received_at, a.id
                """, range) {
                let story: Int64 = row["story_id"]
                if byStory[story] == nil {
                    order.append(story)
                    byStory[story] = DayStory(storyID: story, articleIDs: [], bulletins: 0, totalArticles: row["total"],
                                              earlierArticles: 0, firstSeen: nil)
                }
                byStory[story]?.articleIDs.append(row["id"])
            }
            var bulletins: [Int64: Set<Int64>] = [:]
            for row in try db.fetchAll("""
                SELECT s.story_id, ba.bulletin_id
                FROM article a JOIN article_story s ON s.article_id = a.id
                JOIN bulletin_article ba ON ba.article_id = a.id
                JOIN bulletin b ON b.id = ba.bulletin_id
                WHERE a.first_received_at >= ? AND a.first_received_at < ?
                  AND b.received_at >= ? AND b.received_at < ?
                """, range + range) {
                bulletins[row["story_id"], default: []].insert(row["bulletin_id"])
            }
            let earlier = try db.cachedStatement(Self.earlierArticlesSQL)
            return try order.compactMap { id in
                guard var story = byStory[id] else { return nil }
                story.bulletins = bulletins[id]?.count ?? 0
                // Only a story with more articles than the interval's can have earlier ones.
                if story.totalArticles > story.articleIDs.count, let row = try earlier.fetchOne([id, from]) {
                    story.earlierArticles = row["n"]
                    story.firstSeen = row["first"]
                }
                return story
            }
        }
    }
}
