#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Keeps a copy of the input being executed so that, when the process dies on a trap (a Swift
/// runtime check: index out of range, overflow, force-unwrap) or a memory fault, the signal
/// handler writes it to the artifact file with async-signal-safe calls only, then lets the
/// signal kill the process as usual. The harness reports the file as the reproducer.
enum CrashRecorder {
    nonisolated(unsafe) private static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    nonisolated(unsafe) private static var capacity = 1
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>? = nil

    /// The handlers found at install time (the Swift runtime's backtracer), restored before
    /// the signal is raised again so the usual crash report is still printed.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        table.initialize(repeating: sigaction(), count: 65)
        return table
    }()

    /// Installs handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT; a crash
    /// writes the current input to `artifactPath`, then goes on as it would have.
    static func install(artifactPath: String) {
        path = strdup(artifactPath)
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                CrashRecorder.dump()
                sigaction(signal, CrashRecorder.previous + Int(signal), nil)
                raise(signal)
            }
            action.sa_flags = 0
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// Remembers `input` as the one being executed (outside the signal handler).
    static func record(_ input: [UInt8]) {
        if input.count > capacity {
            buffer.deallocate()
            capacity = max(input.count, capacity * 2)
            buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
        input.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        count = input.count
    }

    /// Called from the signal handler (and by the hang watchdog): writes the recorded input.
    static func dump() {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var written = 0
        while written < count {
            let n = write(fd, buffer + written, count - written)
            if n <= 0 { break }
            written += n
        }
        close(fd)
    }
}
