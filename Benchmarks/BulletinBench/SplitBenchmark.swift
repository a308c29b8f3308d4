import Foundation
import BulletinReader
import BulletinService

/// In-process cost of reading and of splitting alone, over the corpus (`BENCH_ONLY=split`):
/// the best of a few rounds each, timed in CPU time of the calling thread (other processes
/// on a busy machine then barely move the figures), so that the two figures and their sum
/// can be compared across runs.
enum SplitBenchmark {
    struct Result {
        var readSeconds: Double
        var splitSeconds: Double
        var readAndSplitSeconds: Double
        var articles: Int
    }

    static func run(corpus: PreparedCorpus, parser: BulletinParser, rounds: Int = 3) -> Result {
        let names = corpus.files.map { ($0 as NSString).lastPathComponent }
        var documents: [Document] = []
        documents.reserveCapacity(corpus.data.count)
        for (data, name) in zip(corpus.data, names) {
            if let document = try? parser.reader.read(data, fileName: name) { documents.append(document) }
        }
        func best(_ body: () -> Int) -> (seconds: Double, value: Int) {
            var fastest = Double.infinity
            var value = 0
            for _ in 0..<rounds {
                let start = ThreadCPU.current()
                value = body()
                fastest = min(fastest, ThreadCPU.current() - start)
            }
            return (fastest, value)
        }
        let read = best {
            var characters = 0
            for (data, name) in zip(corpus.data, names) {
                characters += (try? parser.reader.read(data, fileName: name))?.text.utf8.count ?? 0
            }
            return characters
        }
        let split = best { documents.reduce(0) { $0 + parser.splitter.split($1).count } }
        let both = best {
            var articles = 0
            for (data, name) in zip(corpus.data, names) {
                if case .success(let parsed) = parser.parse(data, fileName: name) { articles += parsed.articles.count }
            }
            return articles
        }
        return Result(readSeconds: read.seconds, splitSeconds: split.seconds,
                      readAndSplitSeconds: both.seconds, articles: split.value)
    }

    /// Splitting alone, best of `rounds` in thread CPU time, over generated documents that
    /// work the line patterns (`PatternWorkload`): their size in MB, the seconds, the articles.
    static func patterns(_ documents: [Document], parser: BulletinParser, rounds: Int = 3)
        -> (megabytes: Double, seconds: Double, articles: Int) {
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        var fastest = Double.infinity
        var articles = 0
        for _ in 0..<rounds {
            let start = ThreadCPU.current()
            articles = documents.reduce(0) { $0 + parser.splitter.split($1).count }
            fastest = min(fastest, ThreadCPU.current() - start)
        }
        return (Double(bytes) / 1_048_576, fastest, articles)
    }
}
