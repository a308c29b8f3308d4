#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Synchronization

/// Keeps the daemon's state (`ServiceState`) from its events and writes it atomically to
/// `path` (see `StateFileLocation`), where `bulletind status` reads it.
///
/// What a caller may rely on: `observe` only updates memory and never waits for the disk; the
/// file is rewritten on a thread of its own at most once per `interval` (a burst of files does
/// not write it per file), with an event when they keep coming (`BackgroundWriter`), and is
/// current within 1.25 × `interval` of the last event; at `.stopped` it
/// is written at once, on the daemon's thread, before `observe` returns. A write that fails is
/// logged once until one succeeds again; the daemon goes on.
public final class StateFileObserver: DaemonObserver {
    public let path: String
    private let state: Mutex<ServiceState>
    private let failing = Mutex(false)
    private let writes = Mutex(0)
    private let logger: Logger
    private let writer: Mutex<BackgroundWriter?> = Mutex(nil)

    /// `quarantine`: the quarantine folder, whose files are counted once, here. The day of
    /// `today` is set by the daemon's first `.dayStarted`.
    public init(path: String, inbox: String, quarantine: String, database: String, rules: String,
                interval: Double = 1, logger: Logger = Logger(label: "bulletind"),
                now: Date = Date(), process: ProcessIdentity = .current) {
        self.path = path
        self.logger = logger
        let quarantined = QuarantineListing.count(in: quarantine)
        state = Mutex(ServiceState(pid: process.pid, processStart: process.start, since: now, inbox: inbox,
                                   database: database, rules: rules, quarantined: quarantined, day: ""))
        let background = BackgroundWriter(interval: interval) { [weak self] in self?.write() }
        writer.withLock { $0 = background }
    }

    deinit {
        writer.withLock { $0?.stop() }
    }

    /// The state as it is now (for tests and the status line).
    public var current: ServiceState { state.withLock { $0 } }

    public func observe(_ event: DaemonEvent, at time: Date) {
        state.withLock { $0.apply(event, at: time) }
        let background = writer.withLock { $0 }
        if case .stopped = event {
            background?.flush()
            background?.stop()
        } else {
            background?.poke()
        }
    }

    /// The paths of a configuration put in force by a reload (the inbox, database and rules
    /// the state names).
    public func use(_ configuration: Configuration) {
        state.withLock {
            $0.inbox = configuration.inbox
            $0.database = configuration.database
            $0.rules = configuration.rules
        }
    }

    /// How many times the file was written (for tests of the rate).
    var writeCount: Int { writes.withLock { $0 } }

    /// Writes the state now, on the caller's thread (after a write in progress).
    public func flush() {
        writer.withLock { $0 }?.flush()
    }

    private func write() {
        let snapshot = state.withLock { $0 }
        do {
            try AtomicFile.write(try snapshot.encoded(), to: path, permissions: 0o640)
            failing.withLock { $0 = false }
            writes.withLock { $0 += 1 }
        } catch {
            let first = failing.withLock { old in
                defer { old = true }
                return !old
            }
            if first { logger.warning("cannot write the state file \(path) (bulletind status reads it): \(error)") }
        }
    }
}
