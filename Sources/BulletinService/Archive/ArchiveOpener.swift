import Foundation
import BulletinStore
import BulletinPostgres

/// Opens the archive a `database` setting names: a `postgresql://USER@HOST:PORT/DB?…` address
/// (a shared `PostgresArchive`) or a file path (the embedded SQLite `Store`).
public enum ArchiveOpener {
    /// - Parameters:
    ///   - database: the `database` setting.
    ///   - instance: this daemon's name in a shared database (PostgreSQL only): stable across
    ///     restarts, different for every daemon writing into the same database.
    ///   - checkpointsInBackground: SQLite only; see `Store.init(path:checkpointsInBackground:)`.
    ///   - connectNow: PostgreSQL only: false to contact nothing here (a daemon that starts while
    ///     the database is down; its first call connects and migrates, or throws
    ///     `PostgresUnavailable`).
    /// - Throws: `PostgresSettingError` (fix the setting), `PostgresUnavailable` (the server
    ///   cannot be reached now; a daemon waits and retries), or `Store`'s errors.
    public static func open(_ database: String, instance: String = defaultInstance(),
                            checkpointsInBackground: Bool = false, connectNow: Bool = true) throws -> any BulletinArchive {
        if PostgresAddress.isPostgresURL(database) {
            return try PostgresArchive(address: PostgresAddress(database), instance: instance, connectNow: connectNow)
        }
        return try Store(path: database, checkpointsInBackground: checkpointsInBackground)
    }

    /// True when `database` names a PostgreSQL server (no file to check for).
    public static func isRemote(_ database: String) -> Bool {
        PostgresAddress.isPostgresURL(database)
    }

    /// The host name, which tells daemons on different hosts apart.
    public static func defaultInstance() -> String {
        ProcessInfo.processInfo.hostName
    }
}
