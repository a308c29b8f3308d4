import Foundation
import BulletinService
import BulletinStore

/// In-process cost of each stage over the corpus, to show where the end-to-end time goes:
/// read+split, classify, and storing one bulletin per transaction vs. batches.
enum StageBenchmark {
    struct Result {
        var parseSeconds: Double
        var classifySeconds: Double
        var storeEachSeconds: Double
        var storeBatchSeconds: Double
        var batchSize: Int
    }

    static func run(corpus: PreparedCorpus, analyser: BulletinAnalyser, folder: String, batchSize: Int = 64) throws -> Result {
        let parse = Stopwatch.time {
            var articles = 0
            for (data, file) in zip(corpus.data, corpus.files) {
                if case .success(let parsed) = analyser.parser.parse(data, fileName: (file as NSString).lastPathComponent) {
                    articles += parsed.articles.count
                }
            }
            return articles
        }
        let classify = Stopwatch.time {
            var topics = 0
            for bulletin in corpus.bulletins {
                for item in bulletin.articles { topics += analyser.classifier.classify(item.article).count }
            }
            return topics
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let topics = analyser.classifier.taxonomy.topics
        let each = try Store(path: folder + "/each.sqlite")
        try each.syncTopics(topics)
        let eachTime = try Stopwatch.time { for bulletin in corpus.bulletins { _ = try each.ingest(bulletin) } }
        let batched = try Store(path: folder + "/batch.sqlite")
        try batched.syncTopics(topics)
        let batchTime = try Stopwatch.time {
            var start = 0
            while start < corpus.bulletins.count {
                let end = min(start + batchSize, corpus.bulletins.count)
                _ = try batched.ingest(batch: Array(corpus.bulletins[start..<end]))
                start = end
            }
        }
        return Result(parseSeconds: parse.seconds, classifySeconds: classify.seconds,
                      storeEachSeconds: eachTime.seconds, storeBatchSeconds: batchTime.seconds, batchSize: batchSize)
    }
}
