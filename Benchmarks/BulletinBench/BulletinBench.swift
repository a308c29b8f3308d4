import Foundation
import BulletinClassifier
import BulletinService
import BulletinStore

/// `make bench`: generates a synthetic corpus, runs the real `bulletind` binary and the
/// library code, and prints ONE table (figure, measured, target, verdict). Options are
/// environment variables, see `BenchOptions`. Progress goes to standard error.
@main
struct BulletinBench {
    static func main() {
        let options = BenchOptions.fromEnvironment()
        do {
            try run(options)
        } catch {
            Log.progress("bulletind-bench: \(error)")
            exit(1)
        }
    }

    static func run(_ options: BenchOptions) throws {
        guard FileManager.default.isExecutableFile(atPath: options.binary) else {
            throw BenchFailure("no bulletind binary at \(options.binary): run `make bench` (or set BENCH_BULLETIND)")
        }
        let rules = (options.repository as NSString).appendingPathComponent("Config/topics.toml")
        let workspace = try BenchWorkspace(rulesPath: rules)
        defer { if !options.keep { workspace.remove() } else { Log.progress("kept \(workspace.root)") } }
        Log.progress("bulletind-bench: working in \(workspace.root)")
        let table = ResultTable()
        let generator = CorpusGenerator(seed: options.seed)
        let base = try workspace.scenario("base")
        let configuration = try ConfigurationLoader.load(explicitPath: base.config)
        let analyser = try BulletinAnalyser(configuration: configuration)
        let needsCorpus = ["floor", "store", "cli", "stages", "split", "throughput", "peer", "latency", "memory", "rules"].contains(where: options.runs)

        let postgres = options.runs("postgres") ? PostgresBenchmark(options: options, workspace: workspace) : nil
        defer { postgres?.stop() }

        if options.runs("binary") {
            attempt("0. binary", table) { try binarySize(options: options, folder: workspace.root + "/binary", table: table) }
        }

        var floorRate: Double?
        var floorCPU: Double?
        var peerRate: Double?
        if needsCorpus {
            Log.progress("corpus: \(options.bulletins) bulletins")
            let corpus = try PreparedCorpus.make(count: options.bulletins, generator: generator,
                                                 folder: workspace.root + "/corpus", analyser: analyser,
                                                 receivedAt: Date())
            let mb = Double(corpus.bytes) / 1_048_576
            table.add("corpus", "\(corpus.files.count) bulletins · \(corpus.articles) articles · \(Format.fixed(mb, 1)) MB",
                      verdict: corpus.articles == corpus.writtenArticles
                          ? "split finds all \(corpus.writtenArticles)" : "SPLIT MISMATCH: wrote \(corpus.writtenArticles)")
            /// An information row: rate and thread CPU time, each against the true floor's.
            func addAgainstFloor(_ label: String, _ seconds: Double, _ cpuTime: Double) {
                table.add(label, rates(corpus, seconds) + " · " + cpu(corpus, cpuTime, floorCPU: floorCPU),
                          verdict: ratioToFloor(corpus, seconds, floorRate) + " · info")
            }
            if options.runs("floor") || options.runs("store") || options.runs("cli") || options.runs("throughput") {
                Log.progress("floor: plain SQLite FTS5, one transaction")
                let trueFloor = try TrueFloorBenchmark.run(corpus: corpus, database: workspace.root + "/floor/true-floor.sqlite")
                floorRate = Double(corpus.articles) / trueFloor.seconds
                floorCPU = trueFloor.cpu
                table.add("floor: SQLite FTS5 alone, index rows inserted directly, 1 transaction",
                          rates(corpus, trueFloor.seconds) + " · " + cpu(corpus, trueFloor.cpu), verdict: "the true floor")
                Log.progress("floor: bulletind's schema, one transaction")
                let schema = try FloorBenchmark.run(corpus: corpus, topics: analyser.classifier.taxonomy.topics,
                                                    database: workspace.root + "/floor/floor.sqlite")
                addAgainstFloor("floor: bulletind's schema, plain INSERTs, 1 transaction", schema.seconds, schema.cpu)
            }
            if options.runs("store") {
                Log.progress("store: Store.ingest(batch:) in batches of 16, as the daemon's thread")
                let run = try StoreBatchBenchmark.run(corpus: corpus, topics: analyser.classifier.taxonomy.topics,
                                                      database: workspace.root + "/store/store.sqlite")
                addAgainstFloor("store: Store.ingest(batch:) of 16 files and markFiled, in-process", run.seconds, run.cpu)
            }
            if options.runs("peer") {
                Log.progress("peer: the Python reference peer (watchdog + sqlite3) on the same corpus")
                attempt("1py. Python peer", table) {
                    let seconds = try PeerBenchmark.run(options: options, workspace: workspace, corpus: corpus)
                    peerRate = Double(corpus.articles) / seconds
                    table.add("1py. Python peer, watchdog + sqlite3 (Benchmarks/python-peer)", rates(corpus, seconds),
                              verdict: ratioToFloor(corpus, seconds, floorRate) + " · info")
                }
            }
            if options.runs("split") {
                Log.progress("split: read and split in-process, best of 3, thread CPU time")
                let split = SplitBenchmark.run(corpus: corpus, parser: analyser.parser)
                table.add("split: read only (in-process, CPU time)", Format.fixed(mb / split.readSeconds, 1) + " MB/s")
                table.add("split: split only (in-process, CPU time)", Format.fixed(mb / split.splitSeconds, 1) + " MB/s",
                          verdict: split.articles == corpus.writtenArticles
                              ? "finds all \(split.articles)" : "SPLIT MISMATCH: \(split.articles)")
                table.add("split: read+split (in-process, CPU time)", Format.fixed(mb / split.readAndSplitSeconds, 1) + " MB/s")
                let digests = SplitBenchmark.patterns(PatternWorkload.digestShape(count: 200, seed: options.seed), parser: analyser.parser)
                table.add("split: generated digests with masthead, captions, footers (CPU time)",
                          Format.fixed(digests.megabytes / digests.seconds, 1) + " MB/s", verdict: "\(digests.articles) articles · info")
                let dense = SplitBenchmark.patterns([PatternWorkload.keywordDense(count: 20_000, seed: options.seed)], parser: analyser.parser)
                table.add("split: keyword-dense lines, every line a pattern candidate (CPU time)",
                          Format.fixed(dense.megabytes / dense.seconds, 1) + " MB/s", verdict: "\(dense.articles) articles · info")
            }
            if options.runs("stages") {
                Log.progress("stages: in-process")
                let stages = try StageBenchmark.run(corpus: corpus, analyser: analyser, folder: workspace.root + "/stages")
                table.add("stage: read+split (in-process)", Format.fixed(mb / stages.parseSeconds, 1) + " MB/s")
                table.add("stage: classify, default rules", Format.fixed(mb / stages.classifySeconds, 1) + " MB/s")
                table.add("stage: Store.ingest, 1 txn/bulletin", rates(corpus, stages.storeEachSeconds),
                          verdict: ratioToFloor(corpus, stages.storeEachSeconds, floorRate))
                table.add("stage: Store.ingest(batch: \(stages.batchSize))", rates(corpus, stages.storeBatchSeconds),
                          verdict: ratioToFloor(corpus, stages.storeBatchSeconds, floorRate))
            }
            if options.runs("cli") {
                Log.progress("cli: bulletind ingest of the corpus")
                let cli = try workspace.scenario("cli")
                let run = try ChildProcess.run(options.binary, ["ingest", "--config", cli.config] + corpus.files)
                guard run.status == 0 else { throw BenchFailure("bulletind ingest exited with \(run.status)") }
                // For comparison only: target 1 is the daemon's (figure 1 below).
                table.add("1p. `bulletind ingest FILE…` (one transaction per file)", rates(corpus, run.seconds),
                          verdict: ratioToFloor(corpus, run.seconds, floorRate) + " · info")
            }
            var sqliteRate: Double?
            if options.runs("throughput") || options.runs("latency") || options.runs("memory") {
                attempt("daemon figures", table) {
                    sqliteRate = try DaemonFigures.run(options: options, workspace: workspace, corpus: corpus, generator: generator,
                                                       floorRate: floorRate, floorCPU: floorCPU, peerRate: peerRate, table: table)
                }
            }
            postgres?.throughput(corpus: corpus, sqliteRate: sqliteRate, table: table)
            if options.runs("rules") {
                Log.progress("rules: classification with synthetic taxonomies")
                let articles = Array(corpus.bulletins.prefix(150).flatMap { $0.articles.map(\.article) })
                let taxonomies = TaxonomyGenerator(vocabulary: generator.vocabulary, seed: options.seed)
                let points = try RuleScalingBenchmark.run(articles: articles, generator: taxonomies, sizes: options.ruleSizes)
                RuleScalingBenchmark.report(matching: points.matching, absent: points.absent, table: table)
            }
        }

        if options.runs("large") {
            for file in LargeFileBenchmark.files(generator: generator) {
                attempt("8. one large \(file.format) bulletin", table) {
                    let result = try LargeFileBenchmark.run(format: file.format, name: file.name, content: file.content,
                                                            options: options, workspace: workspace)
                    let ratio = Double(result.aboveIdle) / Double(result.bytes)
                    table.add("8. one \(Format.megabytes(result.bytes)) \(result.format) bulletin: peak RSS above idle",
                              "\(Format.megabytes(result.aboveIdle)) (idle \(Format.megabytes(result.idle)), peak \(Format.megabytes(result.peak))) · ×\(Format.fixed(ratio, 2)) of its size · \(result.articles) articles in \(Format.fixed(result.seconds, 1)) s",
                              target: "≤ 3 × size", verdict: ratio <= 3 ? "PASS" : "MISSED by ×\(Format.fixed(ratio / 3, 2))")
                }
            }
        }

        if options.runs("durability") {
            Log.progress("durability: fsync latency and commit latency, NORMAL against FULL")
            attempt("durability", table) {
                let result = try DurabilityBenchmark.run(folder: workspace.root + "/durability")
                func p(_ sample: Percentiles) -> String {
                    "p50 \(Format.milliseconds(sample.median)) · p99 \(Format.milliseconds(sample.value(99)))"
                }
                table.add("D. fdatasync of a 4 KiB write (the device)", p(result.dataSync))
                table.add("D. fsync of a folder after a create (the device)", p(result.folderSync))
                table.add("D. SQLite commit, WAL, synchronous NORMAL (not durable)", p(result.commitNormal))
                table.add("D. SQLite commit, WAL, synchronous FULL (the store's)", p(result.commitFull),
                          verdict: "+\(Format.milliseconds(max(0, result.commitFull.median - result.commitNormal.median))) per commit")
            }
        }

        if ["startup", "search", "summary"].contains(where: options.runs) {
            Log.progress("large database: \(options.databaseArticles) articles")
            let large = try options.reuseDatabase.map { try LargeDatabase.reuse(path: $0, perDay: 2_000) }
                ?? LargeDatabase.build(
                    path: workspace.root + "/large/bulletind.sqlite", articles: options.databaseArticles, perDay: 2_000,
                    generator: generator, classifier: analyser.classifier)
            let size = (try? FileManager.default.attributesOfItem(atPath: large.path)[.size] as? Int) ?? 0
            table.add("large database", "\(large.articles) articles · \(large.bulletins) bulletins · \(Format.megabytes(size)) file · built in \(Format.fixed(large.buildSeconds, 1)) s")
            let scenario = try workspace.scenario("large", database: large.path)
            if options.runs("startup") {
                attempt("5. start-up", table) {
                    try DaemonFigures.startup(options: options, scenario: scenario, articles: large.articles, table: table)
                }
            }
            let store = try Store(path: large.path)
            var sqliteSearch: SearchBenchmark.Result?
            if options.runs("search") {
                Log.progress("search")
                let result = try SearchBenchmark.run(store: store, vocabulary: generator.vocabulary)
                sqliteSearch = result
                table.add("6. search, common terms (\(result.commonQueries.count) queries × \(result.common.count / max(1, result.commonQueries.count)))",
                          "p50 \(Format.milliseconds(result.common.median)) · p99 \(Format.milliseconds(result.common.value(99)))",
                          target: "p99 ≤ 50 ms", verdict: ResultTable.verdict(value: result.common.value(99), target: 0.05, higherIsBetter: false))
                table.add("6. search, rare terms (\(result.rareQueries.count) queries × \(result.rare.count / max(1, result.rareQueries.count)))",
                          "p50 \(Format.milliseconds(result.rare.median)) · p99 \(Format.milliseconds(result.rare.value(99)))",
                          target: "p99 ≤ 50 ms", verdict: ResultTable.verdict(value: result.rare.value(99), target: 0.05, higherIsBetter: false))
                let cli = try ChildProcess.run(options.binary, ["search", "--config", scenario.config, result.commonQueries[0]])
                table.add("6. `bulletind search \(result.commonQueries[0])` wall", Format.milliseconds(cli.seconds),
                          verdict: cli.status == 0 ? "info (process start included)" : "EXIT \(cli.status)")
            }
            postgres?.search(large: large, scenario: scenario, vocabulary: generator.vocabulary, sqlite: sqliteSearch, table: table)
            if options.runs("summary") {
                Log.progress("summary")
                let result = try SummaryBenchmark.run(store: store, day: large.summaryDay, folder: scenario.summaries)
                table.add("7. summary of a day, \(large.summaryDayArticles) articles (trends, md + json + html)",
                          "p50 \(Format.milliseconds(result.times.median)) (compose \(Format.milliseconds(result.composeOnly.median))) · max \(Format.milliseconds(result.times.value(100)))",
                          target: "≤ 200 ms", verdict: ResultTable.verdict(value: result.times.value(100), target: 0.2, higherIsBetter: false))
                table.add("7. that day's HTML page", Format.fixed(Double(result.htmlBytes) / 1024, 1) + " KB",
                          target: "≤ 200 KB", verdict: ResultTable.verdict(value: Double(result.htmlBytes), target: 200 * 1024, higherIsBetter: false))
                let date = LocalCalendar.utc.day(containing: large.summaryDay).description
                let cli = try ChildProcess.run(options.binary, ["summary", "--config", scenario.config, "--date", date])
                table.add("7. `bulletind summary --date \(date)` wall", Format.milliseconds(cli.seconds),
                          verdict: cli.status == 0 ? "info (process start included)" : "EXIT \(cli.status)")
            }
        }
        print(MachineDescription.current())
        print("")
        print(table.render())
    }

    /// Runs one figure; a failure becomes a row of the table instead of ending the run.
    static func attempt(_ figure: String, _ table: ResultTable, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            table.add(figure, "ERROR: \(error)", verdict: "FAIL")
        }
    }

    static func rates(_ corpus: PreparedCorpus, _ seconds: Double) -> String {
        let bulletins = Double(corpus.bulletins.count) / seconds
        let articles = Double(corpus.articles) / seconds
        let mb = Double(corpus.bytes) / 1_048_576 / seconds
        return "\(Format.fixed(bulletins, 0)) bulletins/s · \(Format.fixed(articles, 0)) articles/s · \(Format.fixed(mb, 2)) MB/s (\(Format.fixed(seconds, 2)) s)"
    }

    /// The release binaries as built (what `make release` leaves in .build/release) and as
    /// `make install` installs them (objcopy --strip-all): `bulletind`, which the targets are
    /// about (the SQLite backend only), and `bulletind-postgresql` beside it, which it runs for a
    /// `postgresql://` database (no target: it carries SwiftNIO, BoringSSL and postgres-nio).
    static func binarySize(options: BenchOptions, folder: String, table: ResultTable) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sibling = (options.binary as NSString).deletingLastPathComponent + "/bulletind-postgresql"
        func sizes(_ binary: String) throws -> (built: Int, stripped: Int?) {
            let built = try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int ?? 0
            let stripped = folder + "/" + (binary as NSString).lastPathComponent + ".stripped"
            let strip = try ChildProcess.run("/usr/bin/objcopy", ["--strip-all", binary, stripped])
            guard strip.status == 0 else { return (built, nil) }
            return (built, try FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int ?? 0)
        }
        func text(_ size: (built: Int, stripped: Int?)) -> String {
            "\(Format.megabytes(size.built)) / \(size.stripped.map(Format.megabytes) ?? "objcopy failed")"
        }
        let lean = try sizes(options.binary)
        let limit = 30 * 1_048_576
        table.add("0. release binary bulletind (static Swift runtime, SQLite only), as built / stripped (make install)",
                  text(lean),
                  target: "≤ 30 MB",
                  verdict: lean.built <= limit ? "PASS" : (lean.stripped ?? Int.max) <= limit
                      ? "MISSED as built (×\(Format.fixed(Double(lean.built) / Double(limit), 2))), PASS stripped"
                      : "MISSED: ×\(Format.fixed(Double(lean.built) / Double(limit), 2)) of target")
        if FileManager.default.isExecutableFile(atPath: sibling) {
            table.add("0. release binary bulletind-postgresql (run by bulletind for postgresql://), as built / stripped",
                      text(try sizes(sibling)))
        } else {
            table.add("0. release binary bulletind-postgresql", "not built: \(sibling) missing (make bench builds it)")
        }
    }

    /// A thread's CPU time for the corpus: seconds, µs per article, and its ratio to the true
    /// floor's CPU time when known (load changes CPU time far less than wall-clock time).
    static func cpu(_ corpus: PreparedCorpus, _ seconds: Double, floorCPU: Double? = nil) -> String {
        let perArticle = seconds / Double(corpus.articles) * 1e6
        let ratio = floorCPU.map { " = ×\(Format.fixed(seconds / $0, 2)) the floor's" } ?? ""
        return "thread CPU \(Format.fixed(seconds, 2)) s (\(Format.fixed(perArticle, 1)) µs/article\(ratio))"
    }

    static func ratioToFloor(_ corpus: PreparedCorpus, _ seconds: Double, _ floorRate: Double?, target: Double? = nil) -> String {
        guard let floorRate else { return "" }
        let ratio = Double(corpus.articles) / seconds / floorRate
        guard let target else { return "×\(Format.fixed(ratio, 2)) of floor" }
        return "×\(Format.fixed(ratio, 2)) of floor · " + (ratio >= target ? "PASS" : "FAIL")
    }
}
