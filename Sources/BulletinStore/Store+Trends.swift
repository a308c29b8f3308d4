import Foundation
import GRDB

extension Store {
    /// Per-day counts of articles, bulletins and each topic's articles over `days`, from one
    /// snapshot, in three grouped queries whatever the number of days: the days are a table of
    /// intervals joined to the articles through the `first_received_at` index, so each
    /// article is read once (days must not overlap; they need not be contiguous).
    /// An article counts on the day it was FIRST received, as in the day's summary.
    public func topicHistory(days: [DayInterval]) throws -> TopicHistory {
        guard !days.isEmpty else { return TopicHistory(articles: [], bulletins: [], topics: [:]) }
        // SQLite's limit is 32,766 variables: 3 per day, so at most ~10,000 days (27 years) at once.
        var history = TopicHistory(articles: Array(repeating: 0, count: days.count),
                                   bulletins: Array(repeating: 0, count: days.count), topics: [:])
        for chunkStart in stride(from: 0, to: days.count, by: 5_000) {
            let chunk = Array(days[chunkStart..<min(days.count, chunkStart + 5_000)])
            try pool.read { db in
                let table = Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", ")
                var arguments = StatementArguments()
                for (offset, day) in chunk.enumerated() {
                    arguments += [chunkStart + offset, day.start, day.end]
                }
                let daysCTE = "WITH day(i, s, e) AS (VALUES \(table))"
                // Rows per day of a table, by its time column (both indexed).
                func perDay(_ table: String, _ column: String, into counts: inout [Int]) throws {
                    for row in try Row.fetchAll(db, sql: """
                        \(daysCTE)
                        SELECT day.i AS i, COUNT(*) AS n FROM day
                        JOIN \(table) x ON x.\(column) >= day.s AND x.\(column) < day.e
                        GROUP BY day.i
                        """, arguments: arguments) {
                        counts[row["i"]] = row["n"]
                    }
                }
                try perDay("article", "first_received_at", into: &history.articles)
                try perDay("bulletin", "received_at", into: &history.bulletins)
                for row in try Row.fetchAll(db, sql: """
                    \(daysCTE)
                    SELECT day.i AS i, at.topic_id AS id, t.name AS name, COUNT(*) AS n FROM day
                    JOIN article a ON a.first_received_at >= day.s AND a.first_received_at < day.e
                    JOIN article_topic at ON at.article_id = a.id
                    JOIN topic t ON t.id = at.topic_id
                    GROUP BY day.i, at.topic_id
                    """, arguments: arguments) {
                    let id: String = row["id"]
                    let index: Int = row["i"]
                    history.topics[id, default: TopicSeries(id: id, name: row["name"],
                                                            counts: Array(repeating: 0, count: days.count))]
                        .counts[index] = row["n"]
                }
            }
        }
        return history
    }

    /// The first-received time of the newest article before `date` and of the oldest at or
    /// after `date` (nil when there is none): where the previous and the next day with articles
    /// are, for a day page's links.
    public func neighbouringArticles(around start: Date, end: Date) throws -> (before: Date?, after: Date?) {
        try pool.read { db in
            let before = try Date.fetchOne(db, sql: """
                SELECT MAX(first_received_at) FROM article WHERE first_received_at < ?
                """, arguments: [start])
            let after = try Date.fetchOne(db, sql: """
                SELECT MIN(first_received_at) FROM article WHERE first_received_at >= ?
                """, arguments: [end])
            return (before, after)
        }
    }
}
