import Foundation
import BulletinModel
import BulletinStore
import BulletinClassifier

/// The store's part of the daemon's storing thread, in-process: the corpus's bulletins stored
/// with `Store.ingest(batch:)` in batches of the daemon's size (16 files) on a store opened as
/// the daemon opens it (background checkpoints), each batch awaiting filing and then marked
/// filed, as the daemon does. Measured as the CPU time of the calling thread, which the load
/// changes far less than wall-clock time: compare it with the true floor's CPU time.
enum StoreBatchBenchmark {
    static func run(corpus: PreparedCorpus, topics: [Topic], database: String,
                    batchSize: Int = 16) throws -> (seconds: Double, cpu: Double) {
        try FileManager.default.createDirectory(atPath: (database as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let store = try Store(path: database, checkpointsInBackground: true)
        try store.syncTopics(topics)
        let bulletins = corpus.bulletins.map { bulletin -> IncomingBulletin in
            var copy = bulletin
            copy.awaitingFiling = true
            return copy
        }
        let start = Stopwatch.now()
        let cpuStart = ThreadCPU.current()
        var index = 0
        while index < bulletins.count {
            let end = min(index + batchSize, bulletins.count)
            let results = try store.ingest(batch: Array(bulletins[index..<end]))
            var stored: [Int64] = []
            for case .success(.ingested(let id, _, _)) in results { stored.append(id) }
            guard stored.count == end - index else { throw BenchFailure("store: \(end - index - stored.count) bulletins not stored") }
            try store.markFiled(bulletinIDs: stored)
            index = end
        }
        return (Stopwatch.seconds(since: start), ThreadCPU.current() - cpuStart)
    }
}
