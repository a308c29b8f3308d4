import Foundation

/// `bulletind run --config FILE` as a child process (posix_spawn), with NOTIFY_SOCKET pointing
/// at our own socket; standard output and error go to a log file beside the configuration.
final class DaemonProcess {
    let pid: pid_t
    let notify: NotifySocket
    /// Monotonic ns just before exec.
    let started: UInt64
    let logPath: String
    private var ended = false

    init(binary: String, config: String, socketPath: String, logPath: String) throws {
        notify = try NotifySocket(path: socketPath)
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        started = Stopwatch.now()
        pid = try ChildProcess.spawn(binary, ["run", "--config", config], environment: environment,
                                     output: logPath, errors: logPath)
    }

    /// Whether the daemon still runs (reaps it once it has ended).
    var isRunning: Bool {
        if !ended && ChildProcess.exited(pid) { ended = true }
        return !ended
    }

    /// Seconds from exec to READY=1; throws when it does not come within `timeout`.
    func waitUntilReady(timeout: Double = 30) throws -> Double {
        guard let ready = notify.waitForReady(timeout: timeout) else {
            stop()
            throw BenchFailure("bulletind run sent no READY=1 within \(Int(timeout)) s (log: \(logPath))")
        }
        return Double(ready - started) / 1e9
    }

    var memory: ProcStatus? { ProcStatus.read(pid: pid) }

    /// SIGTERM, then waits for the exit.
    func stop() {
        defer { notify.stopDraining() }
        guard isRunning else { return }
        kill(pid, SIGTERM)
        _ = ChildProcess.wait(pid)
        ended = true
    }
}
