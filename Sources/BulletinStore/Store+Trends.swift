#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SQLite

extension Store {
    /// Per day: articles (each on the day it was FIRST received), the largest article id among
    /// them, and bulletins received; plus `topicRowsFloor`, the smallest row number of the
    /// article–topic table, which changes when topics are assigned again (`reclassify`
    /// rewrites every row). Two grouped queries on indexes, whatever the number of days: the
    /// days are a table of intervals joined through the `first_received_at` and `received_at`
    /// indexes. A day's (articles, last id) pair and the floor tell a caller whether counts it
    /// kept for that day still hold.
    public func dayCounts(days: [DayInterval]) throws -> DayCounts {
        var counts = DayCounts(articles: Array(repeating: 0, count: days.count),
                               lastArticleIDs: Array(repeating: 0, count: days.count),
                               bulletins: Array(repeating: 0, count: days.count), topicRowsFloor: 0)
        try pool.read { db in
            counts.topicRowsFloor = try db.fetchValue(Int64.self, "SELECT MIN(rowid) FROM article_topic") ?? 0
            try Store.forEachChunk(of: days) { cte, arguments, offset in
                for row in try db.fetchAll("""
                    \(cte)
                    SELECT day.i AS i, COUNT(*) AS n, MAX(a.id) AS last FROM day
                    JOIN article a ON a.first_received_at >= day.s AND a.first_received_at < day.e
                    GROUP BY day.i
                    """, arguments) {
                    counts.articles[offset + row["i"]] = row["n"]
                    counts.lastArticleIDs[offset + row["i"]] = row["last"]
                }
                for row in try db.fetchAll("""
                    \(cte)
                    SELECT day.i AS i, COUNT(*) AS n FROM day
                    JOIN bulletin b ON b.received_at >= day.s AND b.received_at < day.e
                    GROUP BY day.i
                    """, arguments) {
                    counts.bulletins[offset + row["i"]] = row["n"]
                }
            }
        }
        return counts
    }

    /// Each topic's articles per day over `days` (index `i` is `days[i]`): every topic with at
    /// least one article on one of the days, an article counted once per topic on the day it
    /// was first received. One grouped query (per 5,000 days); it reads each article's topics
    /// through the indexes, so its cost grows with the days' articles: callers that repeat it
    /// keep what they can (`dayCounts` says when a kept day still holds).
    public func topicCounts(days: [DayInterval]) throws -> [String: TopicSeries] {
        var topics: [String: TopicSeries] = [:]
        let names = try topicNames()
        try pool.read { db in
            try Store.forEachChunk(of: days) { cte, arguments, offset in
                // Counted here, not by GROUP BY: the rows arrive by day, and SQLite's GROUP BY
                // sorted every (day, topic) pair in a temporary tree, most of the query's time.
                let rows = try db.cursor("""
                    \(cte)
                    SELECT day.i, at.topic_id FROM day
                    JOIN article a ON a.first_received_at >= day.s AND a.first_received_at < day.e
                    JOIN article_topic at ON at.article_id = a.id
                    """, arguments)
                var counts: [String: [Int]] = [:]
                while let row = try rows.next() {
                    let index: Int = row[0]
                    let id: String = row[1]
                    counts[id, default: Array(repeating: 0, count: days.count)][offset + index] += 1
                }
                for (id, perDay) in counts {
                    var series = topics[id] ?? TopicSeries(id: id, name: names[id] ?? id,
                                                           counts: Array(repeating: 0, count: days.count))
                    for index in perDay.indices where perDay[index] > 0 { series.counts[index] = perDay[index] }
                    topics[id] = series
                }
            }
        }
        return topics
    }

    /// Runs `body` with a `WITH day(i, s, e) AS (VALUES …)` table for each chunk of at most
    /// 5,000 days (SQLite allows 32,766 variables: 3 per day), `i` counted from the chunk's
    /// `offset` in `days`.
    private static func forEachChunk(of days: [DayInterval],
                                     _ body: (_ cte: String, _ arguments: [any SQLValueConvertible], _ offset: Int) throws -> Void) throws {
        for offset in stride(from: 0, to: days.count, by: 5_000) {
            let chunk = days[offset..<min(days.count, offset + 5_000)]
            var arguments = [any SQLValueConvertible]()
            for (index, day) in chunk.enumerated() { arguments += [index, day.start, day.end] }
            let table = Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            try body("WITH day(i, s, e) AS (VALUES \(table))", arguments, offset)
        }
    }

    /// Topic id → name, for every topic of the rules.
    public func topicNames() throws -> [String: String] {
        try pool.read { db in
            var names: [String: String] = [:]
            for row in try db.fetchAll("SELECT id, name FROM topic") { names[row["id"]] = row["name"] }
            return names
        }
    }

    /// The first-received time of the newest article before `start` and of the oldest at or
    /// after `end` (nil when there is none): where the previous and the next day with articles
    /// are, for a day page's links.
    public func neighbouringArticles(around start: Date, end: Date) throws -> (before: Date?, after: Date?) {
        try pool.read { db in
            let before = try db.fetchValue(Date.self, """
                SELECT MAX(first_received_at) FROM article WHERE first_received_at < ?
                """, [start])
            let after = try db.fetchValue(Date.self, """
                SELECT MIN(first_received_at) FROM article WHERE first_received_at >= ?
                """, [end])
            return (before, after)
        }
    }
}
