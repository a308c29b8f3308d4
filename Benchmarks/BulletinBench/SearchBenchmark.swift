import Foundation
import BulletinStore

/// `search` in-process over the large database (SQLite or PostgreSQL): many runs of common and rare
/// queries, p50/p99 of each group.
enum SearchBenchmark {
    struct Result {
        var common: Percentiles
        var rare: Percentiles
        var all: Percentiles
        var commonQueries: [String]
        var rareQueries: [String]
        var hitsCommon: Int
    }

    static func queries(vocabulary: SyntheticVocabulary) -> (common: [String], rare: [String]) {
        let words = vocabulary.words
        let content = SyntheticVocabulary.functionWords.count
        let common = ["AI", words[content], words[content + 1], "governance", "\"data centre\"",
                      "\(words[content + 2]) \(words[content + 3])", "regulat*"]
        let rare = [words[words.count - 1], words[words.count - 50], words[4_000], "\"\(words[3_000]) \(words[3_001])\"",
                    "ransomware \(words[2_500])", "\(words[5_000]) OR \(words[5_001])", "privacy NOT \(words[content])",
                    "biotech*"]
        return (common, rare)
    }

    static func run(store: any BulletinArchive, vocabulary: SyntheticVocabulary, rounds: Int = 25) throws -> Result {
        let (common, rare) = queries(vocabulary: vocabulary)
        // Warm the page cache and statement caches once, as a running system would be.
        for query in common + rare { _ = try store.search(SearchQuery(text: query)) }
        var commonTimes: [Double] = []
        var rareTimes: [Double] = []
        var hits = 0
        var perQuery: [String: [Double]] = [:]
        // Up to `rounds` rounds, but stop after 20 s (at least 3 rounds) on a slow index.
        let start = Stopwatch.now()
        for round in 0..<rounds where round < 3 || Stopwatch.seconds(since: start) < 20 {
            for query in common {
                let timed = try Stopwatch.time { try store.search(SearchQuery(text: query)) }
                commonTimes.append(timed.seconds)
                perQuery[query, default: []].append(timed.seconds)
                hits += timed.value.count
            }
            for query in rare {
                let seconds = try Stopwatch.time { try store.search(SearchQuery(text: query)) }.seconds
                rareTimes.append(seconds)
                perQuery[query, default: []].append(seconds)
            }
        }
        for query in common + rare {
            Log.progress("  search \(query): p50 \(Format.milliseconds(Percentiles(perQuery[query] ?? []).median))")
        }
        return Result(common: Percentiles(commonTimes), rare: Percentiles(rareTimes),
                      all: Percentiles(commonTimes + rareTimes), commonQueries: common, rareQueries: rare,
                      hitsCommon: hits)
    }
}
