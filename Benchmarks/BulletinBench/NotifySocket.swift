import Foundation

/// An AF_UNIX datagram socket standing in for systemd's notify socket: the daemon started
/// with NOTIFY_SOCKET=path sends "READY=1" (and STATUS=…, WATCHDOG=1) to it.
final class NotifySocket: @unchecked Sendable {  // mutable state is guarded by `state`
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
        var info = stat()
        inode = stat(path, &info) == 0 ? info.st_ino : 0
    }

    /// The inode bound at `path`: a later socket may be bound at the same path before this
    /// one goes away (its draining thread holds it a little longer), and must not lose it.
    private var inode: ino_t = 0

    deinit {
        close(fd)
        var info = stat()
        if stat(path, &info) == 0, info.st_ino == inode { unlink(path) }
    }

    /// Reads datagrams on a thread of its own until `READY=1` arrives or `timeout` passes,
    /// then keeps draining until `close()`: the daemon sends STATUS= after every file, and a
    /// datagram socket nobody reads blocks its sender once the queue is full.
    /// Returns the monotonic time (ns) READY=1 arrived, nil on timeout.
    func waitForReady(timeout: Double) -> UInt64? {
        startDraining()
        let deadline = Date(timeIntervalSinceNow: timeout)
        state.lock()
        defer { state.unlock() }
        while readyAt == nil {
            if !state.wait(until: deadline) { break }
        }
        return readyAt
    }

    private let state = NSCondition()
    private var readyAt: UInt64?
    private var draining = false
    private var closed = false

    private func startDraining() {
        state.lock()
        defer { state.unlock() }
        guard !draining else { return }
        draining = true
        let thread = Thread { [self] in drainLoop() }
        thread.start()
    }

    private func drainLoop() {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            state.lock()
            let done = closed
            state.unlock()
            if done { return }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            let arrived = Stopwatch.now()
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            if ProcessInfo.processInfo.environment["BENCH_DEBUG"] != nil { Log.progress("notify: \(message)") }
            if message.split(separator: "\n").contains("READY=1") {
                state.lock()
                if readyAt == nil { readyAt = arrived }
                state.broadcast()
                state.unlock()
            }
        }
    }

    /// Stops the draining thread (call after the daemon has exited).
    func stopDraining() {
        state.lock()
        closed = true
        state.unlock()
    }
}
