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

    /// Classifies `articles` repeatedly (at least `minimumSeconds`) with each taxonomy size.
    static func run(articles: [Article], generator: TaxonomyGenerator, sizes: [Int], matching: Bool = true,
                    minimumSeconds: Double = 1.0) throws -> [Point] {
        let bytes = articles.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count + ($1.why?.utf8.count ?? 0) }
        var points: [Point] = []
        for size in sizes {
            let text = generator.rulesFile(topics: size, matching: matching)
            let parsed = try Stopwatch.time { try Taxonomy.parse(text, fileName: "synthetic-\(size).toml") }
            guard parsed.value.topics.count == size else {
                throw BenchFailure("synthetic taxonomy of \(size) topics parsed into \(parsed.value.topics.count)")
            }
            let compiled = Stopwatch.time { Classifier(taxonomy: parsed.value) }
            let classifier = compiled.value
            var rounds = 0
            var matches = 0
            let start = Stopwatch.now()
            repeat {
                for article in articles { matches += classifier.classify(article).count }
                rounds += 1
            } while Stopwatch.seconds(since: start) < minimumSeconds
            let seconds = Stopwatch.seconds(since: start)
            let point = Point(topics: size, parseSeconds: parsed.seconds, compileSeconds: compiled.seconds,
                              megabytesPerSecond: Double(bytes * rounds) / 1_048_576 / seconds,
                              matchesPerArticle: Double(matches) / Double(rounds * articles.count),
                              microsecondsPerArticle: seconds * 1e6 / Double(rounds * articles.count))
            points.append(point)
            Log.progress("  rules: \(size) topics\(matching ? "" : " (no term in the corpus)"): \(Format.fixed(point.megabytesPerSecond, 1)) MB/s")
        }
        return points
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
