#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore

/// Opens the archive a `database` setting names: a file path (the embedded SQLite `Store`) or
/// a database server's address (`postgresql://USER@HOST:PORT/DB?…`), opened by the backend
/// registered for it (`ArchiveServerBackends`). In the lean `bulletind`, which registers none, a
/// server address hands the process over to the executable that holds the backend.
public enum ArchiveOpener {
    /// - Parameters:
    ///   - database: the `database` setting.
    ///   - instance: this daemon's name in a shared database (servers only): stable across
    ///     restarts, different for every daemon writing into the same database.
    ///   - checkpointsInBackground: SQLite only; see `Store.init(path:checkpointsInBackground:)`.
    ///   - connectNow: servers only: false to contact nothing here (a daemon that starts while
    ///     the database is down; its first call connects and migrates, or throws an error its
    ///     backend calls unreachable).
    /// - Throws: `MissingArchiveBackend`, the backend's errors (a setting to fix; a server that
    ///   cannot be reached now, which a daemon waits for), or `Store`'s errors.
    public static func open(_ database: String, instance: String = defaultInstance(),
                            checkpointsInBackground: Bool = false, connectNow: Bool = true) throws -> any BulletinArchive {
        if let backend = try ArchiveServerBackends.backend(for: database, setting: "the database setting") {
            return try backend.open(database, instance: instance, connectNow: connectNow)
        }
        return try Store(path: database, checkpointsInBackground: checkpointsInBackground)
    }

    /// True when `database` names a database server (no file to check for).
    public static func isRemote(_ database: String) -> Bool {
        ArchiveServerKind(location: database) != nil
    }

    /// The host name, which tells daemons on different hosts apart.
    public static func defaultInstance() -> String {
        ProcessInfo.processInfo.hostName
    }
}
