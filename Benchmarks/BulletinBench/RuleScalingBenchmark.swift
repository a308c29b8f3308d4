import Foundation
import BulletinClassifier
import BulletinSplitter

/// Classification alone, in-process, with synthetic taxonomies of N topics × 20 terms.
enum RuleScalingBenchmark {
    struct Point {
        var topics: Int
        var parseSeconds: Double
        var compileSeconds: Double
        var megabytesPerSecond: Double
        var matchesPerArticle: Double
        /// Microseconds per article.
        var microsecondsPerArticle: Double
    }

    /// Classifies `articles` with each taxonomy size, with terms from the corpus and with terms
    /// absent from it: all the taxonomies are compiled first, then classify the articles in
    /// turn, one pass each per round, and each keeps its fastest pass. Interleaved and best-of,
    /// so that a machine whose load changes from second to second (other builds) slows every
    /// taxonomy alike instead of whichever ran at the wrong moment.
    static func run(articles: [Article], generator: TaxonomyGenerator, sizes: [Int],
                    rounds: Int = 9) throws -> (matching: [Point], absent: [Point]) {
        let bytes = articles.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count + ($1.why?.utf8.count ?? 0) }
        struct Compiled { var size: Int; var matching: Bool; var classifier: Classifier; var parse: Double; var compile: Double }
        var compiled: [Compiled] = []
        for matching in [true, false] {
            for size in sizes {
                let text = generator.rulesFile(topics: size, matching: matching)
                let parsed = try Stopwatch.time { try Taxonomy.parse(text, fileName: "synthetic-\(size).toml") }
                guard parsed.value.topics.count == size else {
                    throw BenchFailure("synthetic taxonomy of \(size) topics parsed into \(parsed.value.topics.count)")
                }
                let built = Stopwatch.time { Classifier(taxonomy: parsed.value) }
                compiled.append(Compiled(size: size, matching: matching, classifier: built.value,
                                         parse: parsed.seconds, compile: built.seconds))
            }
        }
        var best = [Double](repeating: .infinity, count: compiled.count)
        var matches = [Int](repeating: 0, count: compiled.count)
        for _ in 0..<rounds {
            for (index, taxonomy) in compiled.enumerated() {
                var found = 0
                let start = Stopwatch.now()
                for article in articles { found += taxonomy.classifier.classify(article).count }
                best[index] = min(best[index], Stopwatch.seconds(since: start))
                matches[index] = found
            }
        }
        let points = compiled.indices.map { index in
            Point(topics: compiled[index].size, parseSeconds: compiled[index].parse, compileSeconds: compiled[index].compile,
                  megabytesPerSecond: Double(bytes) / 1_048_576 / best[index],
                  matchesPerArticle: Double(matches[index]) / Double(articles.count),
                  microsecondsPerArticle: best[index] * 1e6 / Double(articles.count))
        }
        for (index, point) in points.enumerated() {
            Log.progress("  rules: \(point.topics) topics\(compiled[index].matching ? "" : " (no term in the corpus)"): \(Format.fixed(point.megabytesPerSecond, 1)) MB/s")
        }
        return (zip(compiled, points).filter { $0.0.matching }.map(\.1), zip(compiled, points).filter { !$0.0.matching }.map(\.1))
    }

    /// The rows of figure 4: each size with terms that occur in the corpus, then with terms
    /// that do not. Target: 1,000 topics of absent terms at ≥ 0.80 × the speed of 10 topics
    /// (the matching ones). Where topics match, the cost per matched topic is the extra time
    /// per article over the 10-topic taxonomy divided by the extra topics matched per article.
    static func report(matching: [Point], absent: [Point], table: ResultTable) {
        guard let ten = matching.first(where: { $0.topics == 10 }) else { return }
        for point in matching {
            let ratio = point.megabytesPerSecond / ten.megabytesPerSecond
            var measured = "\(Format.fixed(point.megabytesPerSecond, 1)) MB/s · \(Format.fixed(point.microsecondsPerArticle, 1)) µs/article · \(Format.fixed(point.matchesPerArticle, 1)) topics/article · load \(Format.milliseconds(point.parseSeconds + point.compileSeconds))"
            let extraMatches = point.matchesPerArticle - ten.matchesPerArticle
            if point.topics != 10, extraMatches > 0.5 {
                let perMatch = (point.microsecondsPerArticle - ten.microsecondsPerArticle) / extraMatches
                measured += " · \(Format.fixed(perMatch, 2)) µs per matched topic"
            }
            table.add("4. classify, \(point.topics) topics × 20 terms (terms in the corpus)", measured,
                      verdict: "×\(Format.fixed(ratio, 2)) of 10 · info")
        }
        for point in absent {
            let ratio = point.megabytesPerSecond / ten.megabytesPerSecond
            let target = point.topics == 1_000
            table.add("4. classify, \(point.topics) topics × 20 terms, no term in the corpus",
                      "\(Format.fixed(point.megabytesPerSecond, 1)) MB/s · \(Format.fixed(point.microsecondsPerArticle, 1)) µs/article · \(Format.fixed(point.matchesPerArticle, 1)) topics/article · load \(Format.milliseconds(point.parseSeconds + point.compileSeconds))",
                      target: target ? "≥ 0.80 × 10 topics" : "",
                      verdict: "×\(Format.fixed(ratio, 2)) of 10" + (target ? (ratio >= 0.8 ? " · PASS" : " · MISSED") : " · info"))
        }
    }
}
