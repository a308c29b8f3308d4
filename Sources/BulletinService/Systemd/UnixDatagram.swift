#if canImport(Glibc)
import Glibc
#endif

/// One datagram to an `AF_UNIX` socket named by its path, the way systemd's sockets take them
/// (the notification socket, the journal's native protocol). A path that starts with `@` names
/// an abstract socket (the `@` stands for the leading zero byte). No libsystemd: the daemon does
/// not map it and the six libraries it loads (about 1 MB of an idle daemon's resident pages).
enum UnixDatagram {
    /// A new `SOCK_DGRAM` socket (close-on-exec), or -1.
    static func openSocket() -> Int32 {
        socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    }

    /// Sends `bytes` as one datagram from `socket` to the socket at `path`. Returns 0 when the
    /// kernel took it, otherwise the errno (`EINVAL` for a path that is neither absolute nor
    /// abstract, `ENAMETOOLONG` for one that does not fit a socket address). Retries on `EINTR`.
    static func send(_ bytes: [UInt8], from socket: Int32, to path: String) -> Int32 {
        var name = Array(path.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        guard abstract || name.first == UInt8(ascii: "/") else { return EINVAL }
        if abstract { name[0] = 0 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        // A path needs its terminating zero inside the address; an abstract name does not.
        guard name.count < capacity || (abstract && name.count == capacity), name.count > 1 else { return ENAMETOOLONG }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (abstract ? 0 : 1))
        while true {
            let sent = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bytes.withUnsafeBytes { raw in
                        sendto(socket, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                    }
                }
            }
            if sent >= 0 { return 0 }
            if errno != EINTR { return errno }
        }
    }
}
