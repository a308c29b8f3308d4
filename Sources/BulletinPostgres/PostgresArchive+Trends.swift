import Foundation
import PostgresNIO
import BulletinStore

/// The summary's trend queries (`Store+Trends` in SQLite): the days are arrays joined to the
/// articles and bulletins through their time indexes.
extension PostgresArchive {
    /// `WITH day(i, s, e)`: index (from 0), start and end of each of `days`, from `$1` and `$2`.
    static let daysTable = """
        WITH day AS (SELECT (i - 1)::bigint AS i, to_timestamp(s) AS s, to_timestamp(e) AS e
                     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS d(s, e, i))
        """

    /// The values of `daysTable`.
    static func daysValues(_ days: [DayInterval]) -> [SQLValue] {
        [.doubles(days.map(\.start.timeIntervalSince1970)), .doubles(days.map(\.end.timeIntervalSince1970))]
    }

    /// As `Store.dayCounts(days:)`, from one snapshot. `topicRowsFloor` is the number of
    /// reclassifications committed (`topic_generation`, raised by `reclassify` in its
    /// transaction): it changes exactly when stored articles' topics were assigned again, by
    /// any daemon. (SQLite's smallest article–topic row number serves there; here row numbers
    /// from a sequence are not in commit order across daemons, a counter is.)
    ///
    /// With several daemons, article ids are reserved before commit, so a day's largest id
    /// need not grow when an article is added to it; its article count does, and the pair
    /// changes unless, in the same moment, another article's first arrival moved off that day
    /// (the same text received again with an earlier time), which a kept count then misses.
    public func dayCounts(days: [DayInterval]) throws -> DayCounts {
        var counts = DayCounts(articles: Array(repeating: 0, count: days.count),
                               lastArticleIDs: Array(repeating: 0, count: days.count),
                               bulletins: Array(repeating: 0, count: days.count), topicRowsFloor: 0)
        try read { session in
            counts.topicRowsFloor = try session.query("SELECT value FROM topic_generation")[0].decode(Int64.self)
            guard !days.isEmpty else { return }
            let values = Self.daysValues(days)
            for row in try session.query("""
                \(Self.daysTable)
                SELECT day.i, COUNT(*), MAX(a.id) FROM day
                JOIN article a ON a.first_received_at >= day.s AND a.first_received_at < day.e
                GROUP BY day.i
                """, values) {
                let (index, count, last) = try row.decode((Int64, Int64, Int64).self)
                counts.articles[Int(index)] = Int(count)
                counts.lastArticleIDs[Int(index)] = last
            }
            for row in try session.query("""
                \(Self.daysTable)
                SELECT day.i, COUNT(*) FROM day JOIN bulletin b ON b.received_at >= day.s AND b.received_at < day.e
                GROUP BY day.i
                """, values) {
                let (index, count) = try row.decode((Int64, Int64).self)
                counts.bulletins[Int(index)] = Int(count)
            }
        }
        return counts
    }

    /// As `Store.topicCounts(days:)`: one grouped query, names from the topic table.
    public func topicCounts(days: [DayInterval]) throws -> [String: TopicSeries] {
        guard !days.isEmpty else { return [:] }
        return try read { session in
            var topics: [String: TopicSeries] = [:]
            for row in try session.query("""
                \(Self.daysTable)
                SELECT day.i, at.topic_id, COALESCE(t.name, at.topic_id), COUNT(*) FROM day
                JOIN article a ON a.first_received_at >= day.s AND a.first_received_at < day.e
                JOIN article_topic at ON at.article_id = a.id
                LEFT JOIN topic t ON t.id = at.topic_id
                GROUP BY day.i, at.topic_id, t.name
                """, Self.daysValues(days)) {
                let (index, id, name, count) = try row.decode((Int64, String, String, Int64).self)
                topics[id, default: TopicSeries(id: id, name: name, counts: Array(repeating: 0, count: days.count))]
                    .counts[Int(index)] = Int(count)
            }
            return topics
        }
    }

    public func topicNames() throws -> [String: String] {
        try read { session in
            var names: [String: String] = [:]
            for row in try session.query("SELECT id, name FROM topic") {
                let (id, name) = try row.decode((String, String).self)
                names[id] = name
            }
            return names
        }
    }
}
