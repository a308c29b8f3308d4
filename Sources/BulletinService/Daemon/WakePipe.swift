#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking pipe that wakes the daemon's poll(2): written by `StopHandle.stop()` from any
/// thread, read by the event loop. Closed when the last reference goes, so a handle kept by
/// another thread never writes to a descriptor that was reused.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXFailure(operation: "pipe", path: "") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// True when a wake-up was pending.
    func drain() -> Bool {
        var bytes = [UInt8](repeating: 0, count: 16)
        return read(readEnd, &bytes, bytes.count) > 0
    }
}
