import Foundation
import Logging
import Synchronization
@testable import BulletinService

/// A test's observer: keeps every event the daemon reports, in order, for the test's
/// assertions. With `BULLETIND_TEST_LOG=1` it also echoes them as the journal would show them
/// (the errors the tests provoke on purpose would otherwise read as faults in `make test`).
final class EventRecorder: DaemonObserver {
    private let recorded = Mutex<[(event: DaemonEvent, time: Date)]>([])
    private let echo = ProcessInfo.processInfo.environment["BULLETIND_TEST_LOG"] == "1"
        ? LoggingObserver(logger: Logger(label: "daemon test") { StderrLogHandler(label: $0, level: .debug) }) : nil

    func observe(_ event: DaemonEvent, at time: Date) {
        recorded.withLock { $0.append((event, time)) }
        echo?.observe(event, at: time)
    }

    var events: [DaemonEvent] { recorded.withLock { $0.map(\.event) } }

    /// How many events match.
    func count(_ matching: (DaemonEvent) -> Bool) -> Int { events.filter(matching).count }

    func saw(_ matching: (DaemonEvent) -> Bool) -> Bool { events.contains(where: matching) }

    func saw(_ event: DaemonEvent) -> Bool { events.contains(event) }

    /// The files that left the inbox, by name.
    var filed: [FiledFile] {
        events.compactMap { if case .filed(let file) = $0 { file } else { nil } }
    }

    func outcome(of name: String) -> FiledFile.Outcome? {
        filed.last { $0.name == name }?.outcome
    }

    /// The days whose summary was written, in order.
    var summariesWritten: [LocalDay] {
        events.compactMap { if case .summaryWritten(let day) = $0 { day } else { nil } }
    }
}
