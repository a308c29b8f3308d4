import Foundation

/// The figures that need the real daemon (`bulletind run`): throughput, latency, memory
/// and start-up. A burst's files are staged beside the inbox and renamed in (`StagedDrop`); a
/// single file is written under a hidden temporary name in the inbox (ignored by the daemon)
/// and renamed to its real name. "Archived" is the moment inotify reports the file under
/// archive/YYYY/MM/DD/.
enum DaemonFigures {
    /// Gives up when no file has been archived for this many seconds.
    static let stallTimeout = 60.0

    /// Returns the daemon's articles/s of figure 1 (nil when it did not run).
    @discardableResult
    static func run(options: BenchOptions, workspace: BenchWorkspace, corpus: PreparedCorpus,
                    generator: CorpusGenerator, floorRate: Double?, floorCPU: Double? = nil, peerRate: Double?,
                    table: ResultTable) throws -> Double? {
        var burst: (peak: Int, rate: Double)?
        if options.runs("throughput") {
            burst = try throughput(options: options, workspace: workspace, corpus: corpus, floorRate: floorRate,
                                   floorCPU: floorCPU, peerRate: peerRate, table: table)
            BulletinBench.attempt("1w. throughput, files written during the run", table) {
                try throughputWrittenDuring(options: options, workspace: workspace, corpus: corpus, floorRate: floorRate, table: table)
            }
        }
        if options.runs("latency") {
            try latency(options: options, workspace: workspace, generator: generator, table: table)
        }
        if options.runs("memory") {
            try memory(options: options, workspace: workspace, generator: generator, table: table,
                       comparedTo: burst.map { (corpus.files.count, $0.peak) })
        }
        return burst?.rate
    }

    static func start(_ options: BenchOptions, _ scenario: Scenario) throws -> DaemonProcess {
        try DaemonProcess(binary: options.binary, config: scenario.config,
                          socketPath: scenario.folder + "/notify.sock", logPath: scenario.folder + "/bulletind.log")
    }

    /// Writes `data` as inbox/.NAME.part, then renames it to inbox/NAME; returns the monotonic
    /// time just before the rename.
    @discardableResult
    static func drop(_ data: Data, name: String, inbox: String) throws -> UInt64 {
        let temporary = inbox + "/." + name + ".part"
        try data.write(to: URL(fileURLWithPath: temporary))
        let time = Stopwatch.now()
        guard rename(temporary, inbox + "/" + name) == 0 else {
            throw BenchFailure("rename into the inbox: \(String(cString: strerror(errno)))")
        }
        return time
    }

    /// Waits until every name in `expected` is archived; samples RSS meanwhile.
    /// Returns the time of the last arrival and the highest VmRSS sampled.
    static func waitForArchive(_ expected: inout Set<String>, watcher: ArchiveWatcher, daemon: DaemonProcess,
                               scenario: Scenario, arrivals: ((String, UInt64) -> Void)? = nil) throws -> (last: UInt64, maxRSS: Int) {
        try waitForArchive(&expected, watchers: [watcher], daemons: [daemon], scenarios: [scenario], arrivals: arrivals)
    }

    /// The same for several daemons, each watched in its own scenario's archive (`watchers`,
    /// `daemons` and `scenarios` in the same order): a file counts when any of them archives
    /// it. The highest VmRSS is that of any one daemon. Gives up when one daemon ends.
    static func waitForArchive(_ expected: inout Set<String>, watchers: [ArchiveWatcher], daemons: [DaemonProcess],
                               scenarios: [Scenario], arrivals: ((String, UInt64) -> Void)? = nil) throws -> (last: UInt64, maxRSS: Int) {
        let entered = Stopwatch.now()
        var last: UInt64 = 0
        var lastProgress = Stopwatch.now()
        var maxRSS = 0
        var reported = expected.count
        while !expected.isEmpty {
            for watcher in watchers {
                for arrival in watcher.poll(timeout: 0.1 / Double(watchers.count)) where expected.remove(arrival.name) != nil {
                    last = max(last, arrival.time)
                    lastProgress = Stopwatch.now()
                    arrivals?(arrival.name, arrival.time)
                }
            }
            for daemon in daemons { maxRSS = max(maxRSS, daemon.memory?.residentBytes ?? 0) }
            if reported - expected.count >= 1_000 {
                reported = expected.count
                Log.progress("  \(expected.count) files still to be archived")
            }
            if Stopwatch.seconds(since: lastProgress) > stallTimeout || daemons.contains(where: { !$0.isRunning }) {
                let quarantined = scenarios.reduce(0) {
                    $0 + ((try? FileManager.default.contentsOfDirectory(atPath: $1.quarantine)) ?? []).count
                }
                daemons.forEach { $0.stop() }
                throw BenchFailure("\(expected.count) files never archived (quarantine holds \(quarantined) entries; log: \(daemons.map(\.logPath).joined(separator: ", ")))")
            }
        }
        return (last == 0 ? entered : last, maxRSS)
    }

    /// Waits until the daemon has written a summary (`summaries/*.json`) modified at or after
    /// `since` (wall clock), then one more second for what follows the write (freeing the
    /// heap). The daemon writes it `summary_debounce` seconds after its last ingest, and
    /// composing a large day takes a while: a fixed sleep would read the memory figures in
    /// the middle of it. Returns the seconds waited for the file.
    @discardableResult
    static func waitForSummary(_ scenario: Scenario, since: Date, daemon: DaemonProcess, timeout: Double = 600) throws -> Double {
        let start = Stopwatch.now()
        while true {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scenario.summaries)) ?? []
            let written = names.filter { $0.hasSuffix(".json") }.contains { name in
                let attributes = try? FileManager.default.attributesOfItem(atPath: scenario.summaries + "/" + name)
                return (attributes?[.modificationDate] as? Date).map { $0 >= since } ?? false
            }
            if written { break }
            if Stopwatch.seconds(since: start) > timeout || !daemon.isRunning {
                throw BenchFailure("no summary written within \(Int(timeout)) s after the burst (log: \(daemon.logPath))")
            }
            usleep(100_000)
        }
        let waited = Stopwatch.seconds(since: start)
        usleep(1_000_000)
        return waited
    }

    // MARK: - 1. Throughput

    /// One burst: the corpus renamed into a fresh daemon's inbox (`StagedDrop`, staged beside the
    /// inbox first), timed from the first rename to the last arrival. Returns the seconds, the
    /// CPU time of the daemon's main thread (which stores and files) over the same window, the
    /// rename time and the peak RSS, with the summary of the burst when `withSummary`.
    static func burst(options: BenchOptions, workspace: BenchWorkspace, corpus: PreparedCorpus, name: String,
                      withSummary: Bool) throws -> (seconds: Double, cpu: Double?, renamed: Double, peak: Int) {
        let scenario = try workspace.scenario(name)
        let staged = try StagedDrop(corpus: corpus, folder: scenario.folder + "/staging")
        let watcher = try ArchiveWatcher(root: scenario.archive)
        let daemon = try start(options, scenario)
        defer { daemon.stop() }
        _ = try daemon.waitUntilReady()
        var expected = Set(staged.names)
        let cpuBefore = ThreadCPU.of(pid: daemon.pid, tid: daemon.pid)
        let start = try staged.renameAll(into: [scenario.inbox])
        let renamed = Stopwatch.seconds(since: start)
        let result = try waitForArchive(&expected, watcher: watcher, daemon: daemon, scenario: scenario)
        let seconds = Double(result.last - start) / 1e9
        let cpuAfter = ThreadCPU.of(pid: daemon.pid, tid: daemon.pid)
        if withSummary { try waitForSummary(scenario, since: Date(), daemon: daemon) }
        let peak = daemon.memory?.peakResidentBytes ?? result.maxRSS
        let cpu = cpuBefore.flatMap { before in cpuAfter.map { $0 - before } }
        return (seconds, cpu, renamed, peak)
    }

    /// Returns the peak RSS of the first burst and the daemon's articles/s (the median round).
    ///
    /// The true floor and the daemon are measured in `options.throughputRounds` alternated
    /// rounds: the first round's floor is the one measured before the other figures
    /// (`floorRate`, `floorCPU`), each later round measures the floor again right before its
    /// burst. The verdict is the median of the rounds' ratios: on this kind of machine the same
    /// work took from 2.4 to 3.8 s of the floor's thread CPU within half an hour, so one burst
    /// compared with one floor measured minutes apart gave a verdict that moved with the load.
    /// Also reports the CPU time of the daemon's main thread against the floor's.
    static func throughput(options: BenchOptions, workspace: BenchWorkspace, corpus: PreparedCorpus,
                           floorRate: Double?, floorCPU: Double? = nil, peerRate: Double?,
                           table: ResultTable) throws -> (peak: Int, rate: Double) {
        var rounds: [(floorRate: Double?, floorCPU: Double?, seconds: Double, cpu: Double?)] = []
        var first: (seconds: Double, cpu: Double?, renamed: Double, peak: Int)?
        for round in 1...max(1, options.throughputRounds) {
            var roundFloor = (rate: floorRate, cpu: floorCPU)
            if round > 1, floorRate != nil {
                Log.progress("throughput, round \(round): the true floor again")
                let path = workspace.root + "/floor/true-floor-\(round).sqlite"
                let floor = try TrueFloorBenchmark.run(corpus: corpus, database: path)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                roundFloor = (Double(corpus.articles) / floor.seconds, floor.cpu)
            }
            Log.progress("throughput, round \(round): \(corpus.files.count) bulletins into the running daemon")
            let run = try burst(options: options, workspace: workspace, corpus: corpus,
                                name: round == 1 ? "throughput" : "throughput-\(round)", withSummary: round == 1)
            if round == 1 { first = run }
            rounds.append((roundFloor.rate, roundFloor.cpu, run.seconds, run.cpu))
        }
        guard let first else { throw BenchFailure("throughput: no round ran") }
        let rates = rounds.map { Double(corpus.articles) / $0.seconds }
        let ratios = zip(rounds, rates).compactMap { round, rate in round.floorRate.map { rate / $0 } }
        // Every round has a floor or none has (the later rounds measure one only when the first had).
        let ranked = ratios.isEmpty ? rates : ratios
        let medianRound = ranked.indices.sorted { ranked[$0] < ranked[$1] }[ranked.count / 2]
        let seconds = rounds[medianRound].seconds
        let rate = rates[medianRound]
        let ratio = ratios.isEmpty ? nil : ratios[medianRound]
        let each = ratios.count > 1
            ? " · rounds: " + ratios.map { "×" + Format.fixed($0, 2) }.joined(separator: " · ") + ", median" : ""
        table.add("1. throughput, daemon (\(corpus.files.count) staged files renamed in \(Format.fixed(first.renamed, 2)) s\(rounds.count > 1 ? "; the median of \(rounds.count) rounds, each against its own floor" : ""))",
                  BulletinBench.rates(corpus, seconds), target: "≥ 0.70 × true floor",
                  verdict: ratio.map { "×\(Format.fixed($0, 2)) of floor\(each) · " + ($0 >= 0.7 ? "PASS" : "MISSED") } ?? "")
        if let cpu = rounds[medianRound].cpu {
            table.add("1. throughput, the daemon's storing thread (CPU from the first rename to the last archived)",
                      BulletinBench.cpu(corpus, cpu, floorCPU: rounds[medianRound].floorCPU),
                      target: "≤ ×1.43 the floor's (for ×0.70)", verdict: "info")
        }
        let peak = first.peak
        if let peerRate {
            let times = rate / peerRate
            table.add("1. throughput, daemon against the Python peer", "×\(Format.fixed(times, 2)) its articles/s",
                      target: "≥ 8 × Python peer", verdict: times >= 8 ? "PASS" : "MISSED")
        }
        table.add("3. memory, peak during the \(corpus.files.count)-bulletin burst (with its summary)", Format.megabytes(peak),
                  target: "≤ 25 MB", verdict: peak <= 25 * 1_048_576 ? "PASS" : "MISSED by \(Format.megabytes(peak - 25 * 1_048_576))")
        return (peak, rate)
    }

    /// Figure 1 as it was measured until 2026-12-03, for information: each file written into the
    /// inbox under a hidden name and renamed while the daemon runs, so the window also holds the
    /// bench's own writing of the corpus on the same cores.
    static func throughputWrittenDuring(options: BenchOptions, workspace: BenchWorkspace, corpus: PreparedCorpus,
                                        floorRate: Double?, table: ResultTable) throws {
        Log.progress("throughput: \(corpus.files.count) bulletins written into the running daemon's inbox")
        let scenario = try workspace.scenario("throughput-written")
        let watcher = try ArchiveWatcher(root: scenario.archive)
        let daemon = try start(options, scenario)
        defer { daemon.stop() }
        _ = try daemon.waitUntilReady()
        var expected = Set(corpus.files.map { ($0 as NSString).lastPathComponent })
        let start = Stopwatch.now()
        for (file, data) in zip(corpus.files, corpus.data) {
            try drop(data, name: (file as NSString).lastPathComponent, inbox: scenario.inbox)
        }
        let written = Stopwatch.seconds(since: start)
        let result = try waitForArchive(&expected, watcher: watcher, daemon: daemon, scenario: scenario)
        let seconds = Double(result.last - start) / 1e9
        let ratio = floorRate.map { "×\(Format.fixed(Double(corpus.articles) / seconds / $0, 2)) of floor · " } ?? ""
        table.add("1w. throughput, daemon, each file written into the inbox during the run (written in \(Format.fixed(written, 2)) s)",
                  BulletinBench.rates(corpus, seconds), verdict: ratio + "info: figure 1's method before 2026-12-03")
    }

    // MARK: - 2. Latency

    static func latency(options: BenchOptions, workspace: BenchWorkspace, generator: CorpusGenerator,
                        table: ResultTable) throws {
        let count = options.latencyFiles
        Log.progress("latency: \(count) bulletins, one every 50 ms")
        let scenario = try workspace.scenario("latency")
        let files = (0..<count).map { generator.bulletin(2_000_000 + $0) }.map { ($0.fileName, Data($0.text.utf8)) }
        let watcher = try ArchiveWatcher(root: scenario.archive)
        let daemon = try start(options, scenario)
        defer { daemon.stop() }
        _ = try daemon.waitUntilReady()
        usleep(500_000)
        var renamedAt: [String: UInt64] = [:]
        var latencies: [Double] = []
        var expected = Set(files.map(\.0))
        func collect(_ arrivals: [(name: String, time: UInt64)]) {
            for arrival in arrivals {
                if let renamed = renamedAt[arrival.name], expected.remove(arrival.name) != nil {
                    latencies.append(Double(arrival.time - renamed) / 1e9)
                }
            }
        }
        let start = Stopwatch.now()
        for (index, (name, data)) in files.enumerated() {
            let due = start + UInt64(index) * 50_000_000
            while Stopwatch.now() < due {
                collect(watcher.poll(timeout: Double(due - min(due, Stopwatch.now())) / 1e9))
            }
            renamedAt[name] = try drop(data, name: name, inbox: scenario.inbox)
        }
        _ = try waitForArchive(&expected, watcher: watcher, daemon: daemon, scenario: scenario) { name, time in
            if let renamed = renamedAt[name] { latencies.append(Double(time - renamed) / 1e9) }
        }
        let p = Percentiles(latencies)
        table.add("2. latency, \(p.count) single bulletins 50 ms apart",
                  "p50 \(Format.milliseconds(p.median)) · p95 \(Format.milliseconds(p.value(95))) · p99 \(Format.milliseconds(p.value(99)))",
                  target: "p99 ≤ 10 ms", verdict: ResultTable.verdict(value: p.value(99), target: 0.01, higherIsBetter: false))
    }

    // MARK: - 3. Memory

    static func memory(options: BenchOptions, workspace: BenchWorkspace, generator: CorpusGenerator,
                       table: ResultTable, comparedTo smaller: (files: Int, peak: Int)?) throws {
        let count = options.memoryFiles
        Log.progress("memory: staging \(count) bulletins")
        let scenario = try workspace.scenario("memory")
        var staged = try StagedDrop(folder: scenario.folder + "/staging")
        for index in 0..<count {
            let bulletin = generator.bulletin(3_000_000 + index)
            try staged.stage(Data(bulletin.text.utf8), name: bulletin.fileName)
        }
        let watcher = try ArchiveWatcher(root: scenario.archive)
        let daemon = try start(options, scenario)
        defer { daemon.stop() }
        _ = try daemon.waitUntilReady()
        usleep(1_000_000)
        let idle = daemon.memory?.residentBytes ?? 0
        let idleAnonymous = daemon.memory?.anonymousBytes ?? 0
        Log.progress("memory: burst of \(count) files")
        var expected = Set(staged.names)
        let start = try staged.renameAll(into: [scenario.inbox])
        let result = try waitForArchive(&expected, watcher: watcher, daemon: daemon, scenario: scenario)
        let seconds = Double(result.last - start) / 1e9
        let burstPeak = daemon.memory?.peakResidentBytes ?? result.maxRSS
        let summaryWait = try waitForSummary(scenario, since: Date(), daemon: daemon)
        let after = daemon.memory?.residentBytes ?? 0
        let afterAnonymous = daemon.memory?.anonymousBytes ?? 0
        // The high-water mark now includes the summary written after the burst.
        let peak = max(burstPeak, daemon.memory?.peakResidentBytes ?? 0)
        table.add("3. memory, idle (1 s after READY=1)", Format.megabytes(idle), target: "≤ 12 MB",
                  verdict: idle <= 12 * 1_048_576 ? "PASS" : "MISSED by \(Format.megabytes(idle - 12 * 1_048_576))")
        table.add("3. memory, idle / peak / after (\(count) files)",
                  "\(Format.megabytes(idle)) / \(Format.megabytes(peak)) (ingest alone \(Format.megabytes(burstPeak))) / \(Format.megabytes(after))")
        table.add("3. memory, anonymous (RssAnon) idle / after",
                  "\(Format.megabytes(idleAnonymous)) / \(Format.megabytes(afterAnonymous)) (the rest of RSS is the binary's own pages)")
        if let smaller {
            let growth = peak - smaller.peak
            table.add("3. memory, peak \(count) vs \(smaller.files) files",
                      "\(Format.megabytes(peak)) vs \(Format.megabytes(smaller.peak)) (\(growth >= 0 ? "+" : "−")\(Format.megabytes(abs(growth))))",
                      target: "flat, ± 2 MB", verdict: abs(growth) <= 2 * 1_048_576 ? "PASS" : "MISSED")
        }
        table.add("3. throughput during the memory burst",
                  "\(Format.fixed(Double(count) / seconds, 0)) bulletins/s · \(Format.fixed(Double(staged.bytes) / 1_048_576 / seconds, 2)) MB/s (\(Format.fixed(seconds, 1)) s; summary written \(Format.fixed(summaryWait, 1)) s after the last file)")
    }

    // MARK: - 5. Start-up

    static func startup(options: BenchOptions, scenario: Scenario, articles: Int, table: ResultTable) throws {
        Log.progress("startup: exec → READY=1 with \(articles) articles")
        var times: [Double] = []
        for _ in 0..<5 {
            let daemon = try start(options, scenario)
            times.append(try daemon.waitUntilReady())
            daemon.stop()
        }
        let p = Percentiles(times)
        table.add("5. start-up, exec → READY=1, \(articles) articles (5 starts)",
                  "p50 \(Format.milliseconds(p.median)) · max \(Format.milliseconds(p.value(100)))",
                  target: "≤ 300 ms", verdict: ResultTable.verdict(value: p.value(100), target: 0.3, higherIsBetter: false))
    }
}
