import Foundation

/// An AF_UNIX datagram socket standing in for systemd's notify socket: the daemon started
/// with NOTIFY_SOCKET=path sends "READY=1" (and STATUS=…, WATCHDOG=1) to it.
final class NotifySocket {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BenchFailure("notify socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw BenchFailure("notify socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { throw BenchFailure("notify socket bind: \(String(cString: strerror(errno)))") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Waits up to `timeout` seconds for a datagram containing the line `line`; returns the
    /// monotonic time (ns) it arrived, nil on timeout.
    func wait(for line: String, timeout: Double) -> UInt64? {
        let deadline = Stopwatch.now() + UInt64(timeout * 1e9)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while Stopwatch.now() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, (deadline - min(deadline, Stopwatch.now())) / 1_000_000))
            guard poll(&poller, 1, remaining) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            let arrived = Stopwatch.now()
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            if message.split(separator: "\n").contains(where: { $0 == line }) { return arrived }
        }
        return nil
    }

    /// Discards any datagrams already queued.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT)) > 0 {}
    }
}
