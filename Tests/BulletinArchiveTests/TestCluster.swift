import Foundation

/// The throwaway PostgreSQL 15 cluster of this test process: started once, on first use, by
/// Tests/postgres/cluster.sh in a fresh folder under /tmp (as an unprivileged user), stopped
/// and removed when the process exits. With `BULLETIND_TEST_PG_DIR` set to the folder of a
/// cluster already running (started by hand with cluster.sh, for quicker runs while working;
/// `make test` does not set it), that cluster is used instead.
final class TestCluster: Sendable {
    let folder: String
    let port: Int
    let script: String
    let owned: Bool

    static let shared: Result<TestCluster, ClusterError> = Result { try TestCluster(reuse: true) }
        .mapError { $0 as? ClusterError ?? ClusterError(message: "\($0)") }

    /// A cluster of the caller's own, for a test that stops or restarts the server.
    static func privateCluster() throws -> TestCluster { try TestCluster(reuse: false) }

    struct ClusterError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private init(reuse: Bool) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        script = root.appendingPathComponent("postgres/cluster.sh").path
        if reuse, let existing = ProcessInfo.processInfo.environment["BULLETIND_TEST_PG_DIR"] {
            folder = existing
            owned = false
            guard let text = try? String(contentsOfFile: existing + "/port", encoding: .utf8),
                  let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ClusterError(message: "BULLETIND_TEST_PG_DIR=\(existing) holds no running cluster (no port file)")
            }
            self.port = port
        } else {
            folder = "/tmp/bulletind-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            owned = true
            let output = try Self.run(script, ["start", folder])
            guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ClusterError(message: "cluster.sh start printed no port: \(output)")
            }
            self.port = port
            let stop = "\(script) stop \(folder) >/dev/null 2>&1; rm -rf \(folder)"
            TestCluster.atExit.withLock { $0.append(stop) }
            if TestCluster.atExit.withLock({ $0.count }) == 1 {
                atexit {
                    for command in TestCluster.atExit.withLock({ $0 }) {
                        _ = try? TestCluster.run("/bin/sh", ["-c", command])
                    }
                }
            }
        }
    }

    static let atExit = Locked<[String]>([])

    /// A new empty database; its `postgresql://` address.
    func createDatabase() throws -> String {
        let name = "t\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        _ = try Self.run(script, ["createdb", folder, name])
        return "postgresql://postgres@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// Runs SQL as the superuser in database `name`; returns psql's unaligned output.
    func psql(_ database: String, _ sql: String) throws -> String {
        try Self.run(script, ["psql", folder, "-d", database, "-A", "-t", "-c", sql])
    }

    func restart() throws { _ = try Self.run(script, ["restart", folder]) }
    func stop() throws { _ = try Self.run(script, ["stop", folder]) }
    func start() throws { _ = try Self.run(script, ["start", folder]) }

    /// Runs `executable arguments…` and returns its standard output; throws with its standard
    /// error when it fails. posix_spawn and waitpid: Foundation's `Process.waitUntilExit` was
    /// seen to hang on a test thread after the child had exited.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)").path
        let out = folder + ".out", err = folder + ".err"
        defer { unlink(out); unlink(err) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ClusterError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            throw ClusterError(message: "\(executable) \(arguments.joined(separator: " ")) failed (status \(status)): \(errors)")
        }
        return output
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
