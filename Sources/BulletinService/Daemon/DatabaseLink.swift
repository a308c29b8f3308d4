#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether the archive's database answers, as the daemon lives it. Only a shared database
/// server can be unreachable (its registered backend says which errors mean that:
/// `ArchiveServerBackend.isUnreachable`); a SQLite file's trouble (locked, disk full) is `Intake`'s pause.
///
/// While the database does not answer (a daemon started while it is down, or a connection lost
/// during a burst) no file is taken: the files wait in the inbox, which stays watched. A new
/// contact is tried 0.5 s after the failure, then after a delay that doubles up to 30 s; the
/// first success ends the outage. A value type touched only by the daemon's thread; pure
/// apart from the times passed in.
struct DatabaseLink: Sendable {
    /// `host:port` of a PostgreSQL server, or the SQLite file's path: for messages.
    let address: String
    /// The longest delay between two tries.
    static let maximumDelay = 30.0
    private var backoff = Backoff(initial: 0.5, maximum: maximumDelay)
    /// Since when the database has not answered; nil while it answers.
    private(set) var downSince: Date?
    /// When to try again, while it does not answer.
    private(set) var retryAt: Date?
    /// Whether it has answered once since the daemon started (the start-up work that reads
    /// the database waits for it).
    private(set) var contacted = false

    init(database: String) {
        address = Self.address(of: database)
    }

    /// Whether files may be taken: the database answered and has not failed since.
    var isUp: Bool { contacted && downSince == nil }

    /// Whether a new contact is due at `now`.
    func retryDue(at now: Date) -> Bool {
        downSince != nil && (retryAt ?? .distantPast) <= now
    }

    /// A call failed because the database did not answer. Returns the delay before the next
    /// try and whether this began an outage (report it then, not at every retry).
    mutating func failed(at now: Date) -> (delay: Double, first: Bool) {
        let first = downSince == nil
        if first { downSince = now }
        let delay = backoff.next()
        retryAt = now.addingTimeInterval(delay)
        return (delay, first)
    }

    /// A call got its answer. Returns how long the outage lasted when one ended here, and
    /// whether this was the first answer since the start.
    mutating func answered(at now: Date) -> (outage: Double?, firstContact: Bool) {
        let outage = downSince.map { now.timeIntervalSince($0) }
        let firstContact = !contacted
        contacted = true
        downSince = nil
        retryAt = nil
        backoff.reset()
        return (outage, firstContact)
    }

    /// Whether `error` means the database did not answer (retry later, the files wait), as
    /// opposed to an answer that refused the work.
    static func isUnreachable(_ error: any Error) -> Bool {
        ArchiveServerBackends.registered.contains { $0.isUnreachable(error) }
    }

    /// `db.example:5432` for a server's address (as its registered backend reads it), else the
    /// setting (a SQLite path, or an address no registered backend reads).
    static func address(of database: String) -> String {
        ArchiveServerBackends.registeredBackend(for: database)?.serverAddress(of: database) ?? database
    }
}
