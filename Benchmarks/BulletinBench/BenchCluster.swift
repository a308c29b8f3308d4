import Foundation

/// The bench's own throwaway PostgreSQL 15 cluster: Tests/postgres/cluster.sh in a fresh folder
/// under /tmp (as `nobody` when the bench runs as root: the script's rule), listening on
/// 127.0.0.1 with trust authentication. `stop()` shuts it down and removes the folder.
final class BenchCluster {
    let folder: String
    let port: Int
    let script: String
    private var running = true

    /// Why the PostgreSQL rows cannot run on this machine (no PostgreSQL 15 binaries), or nil.
    static func missingReason(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let bin = environment["PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
        for tool in ["initdb", "pg_ctl", "postgres", "createdb"] where !FileManager.default.isExecutableFile(atPath: bin + "/" + tool) {
            return "no PostgreSQL 15 binaries (\(bin)/\(tool) missing: `make deps` installs them)"
        }
        return nil
    }

    /// Starts a cluster; throws with cluster.sh's message when it does not start.
    init(repository: String) throws {
        script = (repository as NSString).appendingPathComponent("Tests/postgres/cluster.sh")
        folder = "/tmp/bulletind-bench-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let started = try ChildProcess.run("/bin/sh", [script, "start", folder], captureOutput: true)
        guard started.status == 0, let port = Int(started.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw BenchFailure("cluster.sh start failed (status \(started.status)): \(started.errors)\(started.output)")
        }
        self.port = port
    }

    /// A new empty database `name`; its `postgresql://` address (trusted from 127.0.0.1).
    func createDatabase(_ name: String) throws -> String {
        let made = try ChildProcess.run("/bin/sh", [script, "createdb", folder, name])
        guard made.status == 0 else { throw BenchFailure("cluster.sh createdb \(name) failed: \(made.errors)") }
        return "postgresql://postgres@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// Fast shutdown, then the folder is removed. Safe to call twice.
    func stop() {
        guard running else { return }
        running = false
        let stopped = (try? ChildProcess.run("/bin/sh", [script, "stop", folder]))?.status ?? -1
        if stopped != 0 { Log.progress("cluster.sh stop \(folder) exited with \(stopped)") }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
