import Foundation
import BulletinModel
import BulletinPostgres
import BulletinStore

/// The PostgreSQL rows (BENCH_ONLY key `postgres`), beside the SQLite figures of the same run:
/// - P1: one `bulletind run` storing the throughput corpus into an empty PostgreSQL database,
///   timed like figure 1, as a ratio to the SQLite daemon's articles/s;
/// - P2: two daemons, each with its own inbox, archive and quarantine, storing into ONE empty
///   database, the corpus dealt between their inboxes alternately; total articles/s;
/// - P6: search over the large database copied into PostgreSQL by `bulletind migrate --to`,
///   the same queries and rounds as figure 6.
/// Every row first checks that its scenario really ran: the counts in the database equal the
/// corpus's (bulletins, distinct articles, no duplicates), the inboxes and quarantines are
/// empty, the copy holds what the SQLite file holds. The cluster is the bench's own
/// (`BenchCluster`); without PostgreSQL binaries every row says "skipped: …".
final class PostgresBenchmark {
    private let options: BenchOptions
    private let workspace: BenchWorkspace
    private let cluster: Result<BenchCluster, BenchFailure>

    /// Starts the cluster (or records why it cannot run).
    init(options: BenchOptions, workspace: BenchWorkspace) {
        self.options = options
        self.workspace = workspace
        if let reason = BenchCluster.missingReason() {
            cluster = .failure(BenchFailure("skipped: " + reason))
        } else {
            Log.progress("postgres: starting a throwaway cluster (Tests/postgres/cluster.sh)")
            cluster = Result { try BenchCluster(repository: options.repository) }
                .mapError { $0 as? BenchFailure ?? BenchFailure("\($0)") }
        }
    }

    func stop() {
        if case .success(let cluster) = cluster { cluster.stop() }
    }

    /// The cluster, or a row saying why there is none (skipped or failed to start).
    private func running(_ figure: String, _ table: ResultTable) -> BenchCluster? {
        switch cluster {
        case .success(let cluster): return cluster
        case .failure(let failure):
            let skipped = failure.description.hasPrefix("skipped: ")
            table.add(figure, failure.description, verdict: skipped ? "skipped" : "FAIL")
            return nil
        }
    }

    // MARK: - P1, P2: daemons into PostgreSQL

    /// Rows P1 and P2 for `corpus`; `sqliteRate` is figure 1's articles/s of this run.
    func throughput(corpus: PreparedCorpus, sqliteRate: Double?, table: ResultTable) {
        guard let cluster = running("P1. throughput, daemon into PostgreSQL", table) else {
            _ = running("P2. throughput, two daemons into one PostgreSQL", table)
            return
        }
        let expected = Expected(corpus)
        BulletinBench.attempt("P1. throughput, daemon into PostgreSQL", table) {
            Log.progress("postgres: \(corpus.files.count) bulletins into one daemon on PostgreSQL")
            let database = try cluster.createDatabase("bench_one")
            let scenario = try workspace.scenario("pg-one", database: database)
            let seconds = try Self.burst(options: options, scenarios: [scenario], corpus: corpus)
            let check = try expected.verify(database: database, scenarios: [scenario])
            let rate = Double(corpus.articles) / seconds
            table.add("P1. throughput, daemon into PostgreSQL (\(corpus.files.count) bulletins)",
                      BulletinBench.rates(corpus, seconds),
                      verdict: (sqliteRate.map { "×\(Format.fixed(rate / $0, 2)) of the SQLite daemon · " } ?? "") + check)
        }
        BulletinBench.attempt("P2. throughput, two daemons into one PostgreSQL", table) {
            Log.progress("postgres: \(corpus.files.count) bulletins dealt between two daemons on one PostgreSQL")
            let database = try cluster.createDatabase("bench_two")
            let scenarios = try ["pg-two-a", "pg-two-b"].map { try workspace.scenario($0, database: database) }
            let seconds = try Self.burst(options: options, scenarios: scenarios, corpus: corpus)
            let check = try expected.verify(database: database, scenarios: scenarios)
            let rate = Double(corpus.articles) / seconds
            table.add("P2. throughput, two daemons, own inboxes, one PostgreSQL (\(corpus.files.count) bulletins dealt alternately)",
                      BulletinBench.rates(corpus, seconds) + " in total",
                      verdict: (sqliteRate.map { "×\(Format.fixed(rate / $0, 2)) of the SQLite daemon · " } ?? "") + check)
        }
    }

    /// Starts one daemon per scenario, deals the corpus's files between their inboxes in turn
    /// (staged beside them, then renamed, as figure 1), and returns the seconds from the first
    /// rename to the last file's arrival in an archive.
    static func burst(options: BenchOptions, scenarios: [Scenario], corpus: PreparedCorpus) throws -> Double {
        let staged = try StagedDrop(corpus: corpus, folder: scenarios[0].folder + "/staging")
        let watchers = try scenarios.map { try ArchiveWatcher(root: $0.archive) }
        var daemons: [DaemonProcess] = []
        defer { daemons.forEach { $0.stop() } }
        for scenario in scenarios {
            let daemon = try DaemonFigures.start(options, scenario)
            daemons.append(daemon)
            _ = try daemon.waitUntilReady(timeout: 120)
        }
        var expected = Set(staged.names)
        let start = try staged.renameAll(into: scenarios.map(\.inbox))
        let result = try DaemonFigures.waitForArchive(&expected, watchers: watchers, daemons: daemons, scenarios: scenarios)
        return Double(result.last - start) / 1e9
    }

    /// What a run of the corpus must leave in an empty database.
    struct Expected {
        let bulletins: Int
        let articles: Int

        init(_ corpus: PreparedCorpus) {
            bulletins = corpus.bulletins.count
            // Articles are stored once per text (their fingerprint), whatever bulletins hold them.
            articles = Set(corpus.bulletins.flatMap { $0.articles.map { ArticleFingerprint.of($0.article) } }).count
        }

        /// Throws unless the database holds exactly the corpus and every inbox and quarantine is
        /// empty; returns the row's note ("stored 2000/2000 bulletins · …").
        func verify(database: String, scenarios: [Scenario]) throws -> String {
            let stats = try PostgresArchive(address: PostgresAddress(database), instance: "bench-check").stats()
            let left = scenarios.reduce(0) { total, scenario in
                total + [scenario.inbox, scenario.quarantine].reduce(0) {
                    $0 + ((try? FileManager.default.contentsOfDirectory(atPath: $1)) ?? []).count
                }
            }
            guard stats.bulletins == bulletins, stats.articles == articles, stats.duplicates == 0, left == 0 else {
                throw BenchFailure("COUNT MISMATCH: stored \(stats.bulletins)/\(bulletins) bulletins, \(stats.articles)/\(articles) articles, \(stats.duplicates) duplicates, \(left) files left in inboxes/quarantines")
            }
            return "stored \(stats.bulletins)/\(bulletins) bulletins, \(stats.articles)/\(articles) articles"
        }
    }

    // MARK: - P6: search

    /// Copies the large database (SQLite, `scenario`'s) into PostgreSQL with `bulletind
    /// migrate --to`, checks the copy's counts, then runs figure 6's queries on it; `sqlite` is
    /// figure 6's result of this run, for the ratios.
    func search(large: LargeDatabase, scenario: Scenario, vocabulary: SyntheticVocabulary,
                sqlite: SearchBenchmark.Result?, table: ResultTable) {
        guard let cluster = running("P6. search, PostgreSQL", table) else { return }
        BulletinBench.attempt("P6. search, PostgreSQL", table) {
            let database = try cluster.createDatabase("bench_large")
            Log.progress("postgres: bulletind migrate --to PostgreSQL (\(large.articles) articles)")
            let migrate = try ChildProcess.run(options.binary, ["migrate", "--config", scenario.config, "--to", database],
                                               captureOutput: true)
            guard migrate.status == 0 else {
                throw BenchFailure("bulletind migrate exited with \(migrate.status): \(migrate.errors.suffix(500))")
            }
            let archive = try PostgresArchive(address: PostgresAddress(database), instance: "bench-search")
            let copied = try archive.stats()
            let source = try Store(path: large.path).stats()
            guard copied.bulletins == source.bulletins, copied.articles == source.articles, copied.articles == large.articles else {
                throw BenchFailure("COUNT MISMATCH after migrate: \(copied.bulletins)/\(source.bulletins) bulletins, \(copied.articles)/\(source.articles) articles")
            }
            table.add("P6. `bulletind migrate --to postgresql://…` of the large database",
                      "\(copied.articles) articles · \(copied.bulletins) bulletins in \(Format.fixed(migrate.seconds, 1)) s",
                      verdict: "copied \(copied.articles)/\(source.articles) articles")
            try Self.analyse(cluster: cluster, database: "bench_large")
            // Each query once first: one that takes longer than 5 s ends the row with its time
            // instead of holding the run up for the hundreds of timed repetitions.
            let (common, rare) = SearchBenchmark.queries(vocabulary: vocabulary)
            for query in common + rare {
                let seconds = try Stopwatch.time { try archive.search(SearchQuery(text: query)) }.seconds
                guard seconds <= 5 else {
                    throw BenchFailure("too slow to sample: `\(query)` took \(Format.fixed(seconds, 1)) s once on \(copied.articles) articles")
                }
            }
            let result = try SearchBenchmark.run(store: archive, vocabulary: vocabulary)
            guard result.hitsCommon > 0 else { throw BenchFailure("the common queries found nothing in PostgreSQL") }
            func row(_ name: String, _ queries: [String], _ sample: Percentiles, _ reference: Percentiles?) {
                table.add("P6. search, \(name) terms, PostgreSQL (\(queries.count) queries × \(sample.count / max(1, queries.count)))",
                          "p50 \(Format.milliseconds(sample.median)) · p99 \(Format.milliseconds(sample.value(99)))",
                          verdict: reference.map {
                              "p50 ×\(Format.fixed(sample.median / $0.median, 1)), p99 ×\(Format.fixed(sample.value(99) / $0.value(99), 1)) of SQLite"
                          } ?? "info")
            }
            row("common", result.commonQueries, result.common, sqlite?.common)
            row("rare", result.rareQueries, result.rare, sqlite?.rare)
            let pgScenario = try workspace.scenario("pg-large", database: database)
            let cli = try ChildProcess.run(options.binary, ["search", "--config", pgScenario.config, result.commonQueries[0]])
            table.add("P6. `bulletind search \(result.commonQueries[0])` wall, PostgreSQL", Format.milliseconds(cli.seconds),
                      verdict: cli.status == 0 ? "info (process start and connection included)" : "EXIT \(cli.status)")
        }
    }

    /// `ANALYZE` of a freshly filled database: the planner's statistics, which autovacuum
    /// would gather on a running server a little later.
    static func analyse(cluster: BenchCluster, database: String) throws {
        let analysed = try ChildProcess.run("/bin/sh", [cluster.script, "psql", cluster.folder, "-d", database, "-c", "ANALYZE"])
        guard analysed.status == 0 else { throw BenchFailure("ANALYZE of \(database) failed: \(analysed.errors)") }
    }
}
