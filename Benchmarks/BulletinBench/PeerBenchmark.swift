import Foundation

/// The reference peer (Benchmarks/python-peer/peer.py: Python, watchdog and sqlite3) on the
/// throughput corpus, dropped and timed exactly like the daemon's figure 1: every file staged
/// beside the inbox, then renamed into it as fast as possible (`StagedDrop`), the clock stopped
/// when inotify reports the last one under archive/YYYY/MM/DD/.
enum PeerBenchmark {
    /// The interpreter: Debian's, where python3-watchdog is installed (`make deps`).
    static let python = "/usr/bin/python3"

    /// Seconds from the first rename to the last arrival in the archive.
    static func run(options: BenchOptions, workspace: BenchWorkspace, corpus: PreparedCorpus) throws -> Double {
        let script = (options.repository as NSString).appendingPathComponent("Benchmarks/python-peer/peer.py")
        let check = try ChildProcess.run(python, ["-c", "import watchdog"])
        guard check.status == 0 else {
            throw BenchFailure("\(python) cannot import watchdog: install python3-watchdog (make deps)")
        }
        let scenario = try workspace.scenario("python-peer")
        let staged = try StagedDrop(corpus: corpus, folder: scenario.folder + "/staging")
        let ready = scenario.folder + "/ready"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--inbox", scenario.inbox, "--archive", scenario.archive,
                             "--database", scenario.database, "--rules", scenario.rules, "--ready", ready]
        let logPath = scenario.folder + "/peer.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log ?? FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        let watcher = try ArchiveWatcher(root: scenario.archive)
        try process.run()
        defer { stop(process) }
        let started = Stopwatch.now()
        while !FileManager.default.fileExists(atPath: ready) {
            guard process.isRunning, Stopwatch.seconds(since: started) < 30 else {
                throw BenchFailure("the Python peer did not start (log: \(logPath))")
            }
            usleep(20_000)
        }
        var expected = Set(staged.names)
        let start = try staged.renameAll(into: [scenario.inbox])
        var last = start
        var lastProgress = Stopwatch.now()
        while !expected.isEmpty {
            for arrival in watcher.poll(timeout: 0.1) where expected.remove(arrival.name) != nil {
                last = arrival.time
                lastProgress = Stopwatch.now()
            }
            if Stopwatch.seconds(since: lastProgress) > DaemonFigures.stallTimeout || !process.isRunning {
                throw BenchFailure("the Python peer never archived \(expected.count) files (log: \(logPath))")
            }
        }
        return Double(last - start) / 1e9
    }

    /// SIGTERM, then SIGKILL if the peer has not exited 10 s later: a peer that hangs on its
    /// way out must not hang the bench.
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let asked = Stopwatch.now()
        while process.isRunning, Stopwatch.seconds(since: asked) < 10 { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
