#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's one wait: poll(2) over the signalfd (SIGTERM, SIGINT, SIGHUP), the wake pipe
/// (`StopHandle`) and the inbox watcher's descriptor, until the earliest deadline or at once.
/// Pings systemd's watchdog every half of `WatchdogSec=` on the way, so a loop that turns keeps
/// the service alive and one that is wedged gets it restarted.
struct EventLoop {
    /// What woke the loop.
    struct Wakeup {
        var signals: [Int32] = []
        var stopRequested = false
        var inboxReadable = false
    }

    let wakePipe: WakePipe
    private let signals: SignalChannel
    private let notifier: SystemdNotifier
    private let watchdogHalf: Double?
    private var lastPing: Date

    init(notifier: SystemdNotifier, now: Date) throws {
        signals = try SignalChannel()
        wakePipe = try WakePipe()
        self.notifier = notifier
        watchdogHalf = notifier.isEnabled ? SystemdNotifier.watchdogInterval().map { $0 / 2 } : nil
        lastPing = now
    }

    /// Pings the watchdog when half its interval has passed since the last ping.
    mutating func pingWatchdogIfDue(now: Date) {
        guard let half = watchdogHalf, now.timeIntervalSince(lastPing) >= half else { return }
        notifier.watchdogPing()
        lastPing = now
    }

    /// Waits until one of the descriptors is ready, `deadline` passes (nil: no deadline but the
    /// watchdog's), or not at all when `immediately`.
    mutating func wait(until deadline: Date?, immediately: Bool, inbox watcherFD: Int32?, now: Date) -> Wakeup {
        var deadlines = [deadline ?? now.addingTimeInterval(3600)]
        if let half = watchdogHalf { deadlines.append(lastPing.addingTimeInterval(half)) }
        let timeout = immediately ? 0 : max(0, min(deadlines.min()!.timeIntervalSince(now), 3600))
        var fds = [pollfd(fd: signals.fileDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
        if let watcherFD { fds.append(pollfd(fd: watcherFD, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), Int32(timeout * 1000))
        var wakeup = Wakeup()
        if ready < 0 && errno != EINTR {
            sleep(1)  // never spin: poll fails only when something is badly wrong
            return wakeup
        }
        guard ready > 0 else { return wakeup }
        if fds[0].revents != 0 { wakeup.signals = signals.drain() }
        if fds[1].revents != 0 { wakeup.stopRequested = wakePipe.drain() }
        wakeup.inboxReadable = fds.count > 2 && fds[2].revents != 0
        return wakeup
    }
}
