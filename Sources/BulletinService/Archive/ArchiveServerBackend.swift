import BulletinStore

/// A database server the archive can live in besides the embedded SQLite file (today only
/// PostgreSQL). BulletinService names no server library: an executable that links one registers
/// its backend with `ArchiveServerBackends.register(_:)` before it opens anything (the
/// `bulletind-postgresql` binary does; the lean `bulletind` does not, and hands the work over
/// to it: `ArchiveServerBackends.handOff`).
public protocol ArchiveServerBackend: Sendable {
    /// The server this backend speaks to, for messages: `PostgreSQL`.
    var kind: ArchiveServerKind { get }

    /// Opens the archive at `location` (a location of this backend's `kind`).
    /// - Parameters:
    ///   - instance: this daemon's name in the shared database: stable across restarts,
    ///     different for every daemon writing into it.
    ///   - connectNow: false to contact nothing here (a daemon that starts while the database
    ///     is down); its first call connects, or throws an error `isUnreachable` accepts.
    /// - Throws: an error naming the setting when the location cannot be used as written, an
    ///   unreachable error (`isUnreachable`) when the server cannot be reached now.
    func open(_ location: String, instance: String, connectNow: Bool) throws -> any BulletinArchive

    /// Whether `error`, thrown by an archive of this backend, means the server did not answer
    /// (retry later; the files wait in the inbox), as opposed to an answer that refused the work.
    func isUnreachable(_ error: any Error) -> Bool

    /// `host:port` of the server `location` names, for messages; nil when it does not parse.
    func serverAddress(of location: String) -> String?

    /// The target of `bulletind migrate --to location`, contacted (and its schema migrated).
    /// - Throws: `ArchiveLocationError` when the location cannot be used as written (the message
    ///   names what to change), an unreachable error (`isUnreachable`), or the server's refusal.
    func migrationTarget(_ location: String, instance: String) throws -> any ArchiveImportTarget
}
