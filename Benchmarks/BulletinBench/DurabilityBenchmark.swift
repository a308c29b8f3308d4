import Foundation
import SQLite

/// The cost of durability on the device the workspace is on (`BENCH_ONLY=durability`):
/// fdatasync(2) of a 4 KiB write, fsync(2) of a folder after creating a name in it, and the
/// latency of one small SQLite commit in WAL mode with `synchronous = NORMAL` (what GRDB,
/// the store's former SQLite library, set: the log is not synced at commit) against FULL (what the store sets: one fdatasync of
/// the log per commit; docs/RELIABILITY.md, "Durable order"). Batching divides the FULL cost
/// by the files per transaction.
enum DurabilityBenchmark {
    struct Result {
        var dataSync: Percentiles
        var folderSync: Percentiles
        var commitNormal: Percentiles
        var commitFull: Percentiles
    }

    static func run(folder: String, samples: Int = 200) throws -> Result {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let block = [UInt8](repeating: 0x61, count: 4096)
        let path = folder + "/fsync.bin"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw BenchFailure("cannot create \(path)") }
        var dataSync: [Double] = []
        for index in 0..<samples {
            let start = Stopwatch.now()
            _ = block.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(index * 4096)) }
            guard fdatasync(fd) == 0 else { close(fd); throw BenchFailure("fdatasync failed on \(path)") }
            dataSync.append(Stopwatch.seconds(since: start))
        }
        close(fd)
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { throw BenchFailure("cannot open \(folder)") }
        var folderSync: [Double] = []
        for index in 0..<samples {
            let name = "\(folder)/name-\(index)"
            let start = Stopwatch.now()
            let file = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            if file >= 0 { close(file) }
            guard fsync(folderFD) == 0 else { close(folderFD); throw BenchFailure("fsync of \(folder) failed") }
            folderSync.append(Stopwatch.seconds(since: start))
        }
        close(folderFD)
        return Result(dataSync: Percentiles(dataSync), folderSync: Percentiles(folderSync),
                      commitNormal: Percentiles(try commits(folder + "/normal.sqlite", synchronous: "NORMAL", samples: samples)),
                      commitFull: Percentiles(try commits(folder + "/full.sqlite", synchronous: "FULL", samples: samples)))
    }

    /// Latency of `samples` commits of one 1 KiB row each.
    private static func commits(_ path: String, synchronous: String, samples: Int) throws -> [Double] {
        let pool = try ConnectionPool(path: path)
        try pool.writeWithoutTransaction { db in
            try db.execute("PRAGMA synchronous = \(synchronous)")
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
        }
        let body = Data(repeating: 0x62, count: 1024)
        var times: [Double] = []
        for _ in 0..<samples {
            let start = Stopwatch.now()
            try pool.write { db in try db.execute("INSERT INTO t (body) VALUES (?)", [body]) }
            times.append(Stopwatch.seconds(since: start))
        }
        return times
    }
}
