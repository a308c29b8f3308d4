import Foundation

/// Runs the binary under test as a child process.
enum ChildProcess {
    /// Runs `executable arguments…` to completion with output discarded (or captured);
    /// returns the wall time and the exit status.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    captureOutput: Bool = false) throws -> (seconds: Double, status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        if captureOutput {
            process.standardOutput = pipe
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        let start = Stopwatch.now()
        try process.run()
        var output = Data()
        if captureOutput { output = pipe.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        return (Stopwatch.seconds(since: start), process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
