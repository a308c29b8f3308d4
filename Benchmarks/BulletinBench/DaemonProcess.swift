import Foundation

/// `bulletind run --config FILE` as a child process, with NOTIFY_SOCKET pointing at our own
/// socket; standard error goes to a log file beside the configuration.
final class DaemonProcess {
    let process = Process()
    let notify: NotifySocket
    /// Monotonic ns just before exec.
    let started: UInt64
    let logPath: String

    init(binary: String, config: String, socketPath: String, logPath: String) throws {
        notify = try NotifySocket(path: socketPath)
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "--config", config]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        process.environment = environment
        process.standardOutput = log ?? FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        started = Stopwatch.now()
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

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
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        process.waitUntilExit()
    }
}
