import Foundation

/// What to run, from the environment (so `make bench BENCH_BULLETINS=500` works).
///
/// - `BENCH_BULLETINS` corpus size for throughput and the floor (default 2000)
/// - `BENCH_MEMORY_FILES` files for the memory figure (default 20000)
/// - `BENCH_LATENCY_FILES` single bulletins for the latency figure (default 200)
/// - `BENCH_THROUGHPUT_ROUNDS` rounds of figure 1, each the true floor then the daemon's burst
///   (default 3; the verdict is the median of the rounds' ratios)
/// - `BENCH_DB_ARTICLES` articles in the large database for start-up, search, summary (default 100000)
/// - `BENCH_SEED` corpus seed (default 1)
/// - `BENCH_ONLY` comma-separated figure keys to run: binary, floor, cli, stages, split, peer,
///   throughput, latency, memory, rules, large, durability, startup, search, summary, postgres
///   (the P rows: daemons into a throwaway PostgreSQL cluster and search there; brings
///   throughput and search along) (default all but stages, the in-process cost of each
///   pipeline stage, and split, read and split alone, best of 3)
/// - `BENCH_RULE_SIZES` comma-separated taxonomy sizes for the rule-scaling figure
///   (default 10,100,1000,10000; ratios are against 10, so keep it in the list)
/// - `BENCH_BULLETIND` the binary under test (default .build/release/bulletind)
/// - `BENCH_KEEP=1` keeps the temporary folder
/// - `BENCH_DATABASE` an existing large database (from a run with BENCH_KEEP=1) instead of
///   building one: for quick iterations on start-up, search and summary
struct BenchOptions {
    var bulletins = 2_000
    var memoryFiles = 20_000
    var latencyFiles = 200
    var throughputRounds = 3
    var databaseArticles = 100_000
    var seed: UInt64 = 1
    var ruleSizes = [10, 100, 1_000, 10_000]
    var only: Set<String>?
    var binary = ".build/release/bulletind"
    var keep = false
    var reuseDatabase: String?
    /// The repository root (the current directory): Config/topics.toml is read from there.
    var repository = FileManager.default.currentDirectoryPath

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BenchOptions {
        var options = BenchOptions()
        func int(_ key: String) -> Int? { environment[key].flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } }
        if let value = int("BENCH_BULLETINS"), value > 0 { options.bulletins = value }
        if let value = int("BENCH_MEMORY_FILES"), value > 0 { options.memoryFiles = value }
        if let value = int("BENCH_LATENCY_FILES"), value > 0 { options.latencyFiles = value }
        if let value = int("BENCH_THROUGHPUT_ROUNDS"), value > 0 { options.throughputRounds = value }
        if let value = int("BENCH_DB_ARTICLES"), value > 0 { options.databaseArticles = value }
        if let value = environment["BENCH_SEED"].flatMap({ UInt64($0) }) { options.seed = value }
        if let value = environment["BENCH_RULE_SIZES"] {
            let sizes = value.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
            if !sizes.isEmpty { options.ruleSizes = sizes }
        }
        if let value = environment["BENCH_ONLY"], !value.isEmpty {
            options.only = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let value = environment["BENCH_BULLETIND"], !value.isEmpty { options.binary = value }
        options.keep = environment["BENCH_KEEP"] == "1"
        if let value = environment["BENCH_DATABASE"], !value.isEmpty { options.reuseDatabase = value }
        options.binary = (options.binary as NSString).standardizingPath
        if !options.binary.hasPrefix("/") {
            options.binary = (options.repository as NSString).appendingPathComponent(options.binary)
        }
        return options
    }

    /// Whether figure `key` runs. `postgres` brings `throughput` and `search` with it: the
    /// SQLite figures its rows are compared with.
    func runs(_ key: String) -> Bool {
        guard let only else { return key != "stages" && key != "split" && key != "store" }
        return only.contains(key) || (only.contains("postgres") && ["throughput", "search"].contains(key))
    }
}
