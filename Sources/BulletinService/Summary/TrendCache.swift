#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore
import Synchronization

/// Each day's topic counts as last read, so a publisher that writes the same day again and again
/// (the daemon, after every ingest) reads the topics of only the days that changed: a 30-day
/// history of a busy archive costs one grouped count per publish instead of reading every
/// article's topics again.
///
/// A kept day is used only while the store still reports the same articles for it (their
/// number and largest id, `Store.dayCounts`) and the same article–topic floor (which moves
/// when topics are assigned again by `reclassify`, in this process or another); otherwise its
/// counts are read again. Topic names are never kept. Thread-safe.
final class TrendCache: Sendable {
    private struct Key: Hashable {
        var start: Date
        var end: Date
    }
    private struct Entry {
        var articles: Int
        var lastArticleID: Int64
        var topics: [String: Int]
    }
    private struct Kept {
        var entries: [Key: Entry] = [:]
        var floor: Int64?
    }
    private let kept = Mutex(Kept())
    /// Days kept at most (a year of days with a margin); beyond it, the cache starts afresh.
    private let capacity = 400

    /// The history of `days` from `store`, reading topic counts only for days not kept or changed.
    func history(store: any BulletinArchive, days: [DayInterval]) throws -> TopicHistory {
        let counts = try store.dayCounts(days: days)
        let kept: [Int: [String: Int]] = self.kept.withLock { cache in
            if cache.floor != counts.topicRowsFloor || cache.entries.count > capacity {
                cache.entries = [:]
                cache.floor = counts.topicRowsFloor
            }
            var kept: [Int: [String: Int]] = [:]
            for (index, day) in days.enumerated() {
                if let entry = cache.entries[Key(start: day.start, end: day.end)],
                   entry.articles == counts.articles[index], entry.lastArticleID == counts.lastArticleIDs[index] {
                    kept[index] = entry.topics
                }
            }
            return kept
        }
        let missing = days.indices.filter { kept[$0] == nil && counts.articles[$0] > 0 }
        let read = missing.isEmpty ? [:] : try store.topicCounts(days: missing.map { days[$0] })
        let names = try store.topicNames()
        var topics: [String: TopicSeries] = [:]
        func add(_ id: String, _ index: Int, _ count: Int) {
            topics[id, default: TopicSeries(id: id, name: names[id] ?? id, counts: Array(repeating: 0, count: days.count))]
                .counts[index] = count
        }
        var fresh: [Int: [String: Int]] = [:]
        for (position, index) in missing.enumerated() {
            fresh[index] = [:]
            for (id, series) in read where series.counts[position] > 0 {
                fresh[index]?[id] = series.counts[position]
            }
        }
        for index in days.indices {
            for (id, count) in kept[index] ?? fresh[index] ?? [:] { add(id, index, count) }
        }
        self.kept.withLock { cache in
            guard cache.floor == counts.topicRowsFloor else { return }
            for index in days.indices where kept[index] == nil {
                cache.entries[Key(start: days[index].start, end: days[index].end)] = Entry(
                    articles: counts.articles[index], lastArticleID: counts.lastArticleIDs[index],
                    topics: fresh[index] ?? [:])
            }
        }
        return TopicHistory(articles: counts.articles, bulletins: counts.bulletins, topics: topics)
    }
}
