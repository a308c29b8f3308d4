#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGINT and SIGHUP read as data from a signalfd, so the poll loop handles them
/// between files instead of in an asynchronous handler.
final class SignalChannel {
    let fileDescriptor: Int32

    static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        return set
    }

    /// Blocks the handled signals in the calling thread (and threads it starts later).
    static func block() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    init() throws {
        // <sys/signalfd.h> is not part of the Glibc module: look the function up by name.
        typealias SignalFD = @convention(c) (Int32, UnsafePointer<sigset_t>, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "signalfd") else {
            throw POSIXFailure(operation: "signalfd", path: "", code: ENOSYS)
        }
        let signalfd = unsafeBitCast(symbol, to: SignalFD.self)
        var set = Self.signalSet()
        let fd = signalfd(-1, &set, O_NONBLOCK | O_CLOEXEC)  // SFD_NONBLOCK | SFD_CLOEXEC
        guard fd >= 0 else { throw POSIXFailure(operation: "signalfd", path: "") }
        fileDescriptor = fd
    }

    deinit {
        close(fileDescriptor)
    }

    /// The signals received since the last call, in order; never blocks.
    func drain() -> [Int32] {
        // struct signalfd_siginfo: 128 bytes, starting with uint32_t ssi_signo.
        var signals: [Int32] = []
        var record = [UInt8](repeating: 0, count: 128)
        while true {
            let n = record.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n == record.count else { break }
            let number = record.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt32.self) }
            signals.append(Int32(bitPattern: number))
        }
        return signals
    }
}
