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
    }

    /// Classifies `articles` repeatedly (at least `minimumSeconds`) with each taxonomy size.
    static func run(articles: [Article], generator: TaxonomyGenerator, sizes: [Int],
                    minimumSeconds: Double = 1.0) throws -> [Point] {
        let bytes = articles.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count + ($1.why?.utf8.count ?? 0) }
        var points: [Point] = []
        for size in sizes {
            let text = generator.rulesFile(topics: size)
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
                              matchesPerArticle: Double(matches) / Double(rounds * articles.count))
            points.append(point)
            Log.progress("  rules: \(size) topics: \(Format.fixed(point.megabytesPerSecond, 1)) MB/s")
        }
        return points
    }
}
