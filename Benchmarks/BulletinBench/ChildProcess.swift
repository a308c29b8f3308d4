import Foundation

/// Runs programs as child processes with posix_spawn and waitpid (Foundation's
/// `Process.waitUntilExit` was seen to hang on Linux after the child had exited).
enum ChildProcess {
    /// Runs `executable arguments…` to completion with standard output discarded (or
    /// captured); returns the wall time, the exit status (the shell's convention: 128 + the
    /// signal for a killed child), the output and standard error (for messages about a failure).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    captureOutput: Bool = false) throws -> (seconds: Double, status: Int32, output: String, errors: String) {
        let base = NSTemporaryDirectory() + "/bulletind-bench-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let out = captureOutput ? base + ".out" : "/dev/null"
        let err = base + ".err"
        defer {
            if captureOutput { unlink(out) }
            unlink(err)
        }
        let start = Stopwatch.now()
        let pid = try spawn(executable, arguments, environment: environment, output: out, errors: err)
        let status = wait(pid)
        let seconds = Stopwatch.seconds(since: start)
        let output = captureOutput ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
        return (seconds, status, output, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Starts `executable arguments…` with standard input from /dev/null and standard output
    /// and error appended to the files `output` and `errors` (created when missing); returns
    /// its pid. The caller reaps it (`wait`, `exited`).
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                      output: String, errors: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchFailure("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Waits for `pid` to end; its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        return decode(status)
    }

    /// Whether `pid` has ended (reaping it when it has), without waiting.
    static func exited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid || (result < 0 && errno == ECHILD)
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
