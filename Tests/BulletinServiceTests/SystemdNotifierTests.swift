import Foundation
import Testing
@testable import BulletinService

@Suite struct SystemdNotifierTests {
    @Test func aStatusWithSeveralLinesStaysOneAssignment() {
        let text = "reload failed: /etc/bulletind/topics.toml:4:13: dangling operator\n/etc/bulletind/topics.toml:9:1: unknown key"
        #expect(SystemdNotifier.statusAssignment(text)
            == "STATUS=reload failed: /etc/bulletind/topics.toml:4:13: dangling operator; /etc/bulletind/topics.toml:9:1: unknown key")
        #expect(!SystemdNotifier.statusAssignment("a\r\nb\n").contains("\n"))
    }

    @Test func readyArrivesAsOneDatagramOnTheNotifySocket() throws {
        let receiver = try DatagramReceiver()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.path])
        #expect(notifier.isEnabled)
        notifier.ready(status: "watching /srv/inbox\n0 articles today")
        #expect(receiver.receive() == Array("READY=1\nSTATUS=watching /srv/inbox; 0 articles today".utf8))
        notifier.watchdogPing()
        #expect(receiver.receive() == Array("WATCHDOG=1".utf8))
    }

    @Test func anAbstractSocketIsNamedWithAnAt() throws {
        let name = "@bulletind-notify-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let receiver = try DatagramReceiver(abstract: name)
        SystemdNotifier(environment: ["NOTIFY_SOCKET": name]).stopping()
        #expect(receiver.receive() == Array("STOPPING=1".utf8))
    }

    @Test func withoutASocketNothingIsSentAndNothingFails() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": ""])
        #expect(!notifier.isEnabled)
        #expect(notifier.send(["READY=1"]) == 0)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative/path"]).send(["READY=1"]) == EINVAL)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/notify.sock"]).send(["READY=1"]) == ENOENT)
    }

    @Test func theWatchdogIntervalIsThisProcesssOnly() {
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "3000000"]) == 3)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid())"]) == 3)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid() + 1)"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "0"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "soon"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: [:]) == nil)
    }
}

/// A bound `AF_UNIX` datagram socket in a temporary folder (or an abstract one), for the tests
/// of what the daemon sends to systemd.
final class DatagramReceiver {
    let path: String
    private let socket: Int32
    private let folder: String?

    init(abstract: String? = nil) throws {
        if let abstract {
            folder = nil
            path = abstract
        } else {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("dgram-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
            folder = made
            path = made + "/s"
        }
        socket = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(path.utf8)
        if abstract != nil { name[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (abstract != nil ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard socket >= 0, bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    deinit {
        close(socket)
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The next datagram (blocks; the sender has already sent it), at most 1 MiB.
    func receive() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        return count < 0 ? [] : Array(buffer[..<count])
    }
}
