import BulletinStore
import BulletinPostgres
import BulletinService

/// The PostgreSQL archive (module BulletinPostgres) as BulletinService's `ArchiveServerBackend`:
/// registered by the `bulletind-postgresql` executable's main (and by the tests that go through
/// BulletinService with a `postgresql://` setting), never linked into the lean `bulletind`.
public struct PostgresBackend: ArchiveServerBackend {
    public init() {}

    /// Registers the backend for `postgresql://` locations in this process.
    public static func register() {
        ArchiveServerBackends.register(PostgresBackend())
    }

    public var kind: ArchiveServerKind { .postgreSQL }

    /// - Throws: `PostgresSettingError` (its message names the `database` setting),
    ///   `PostgresUnavailable`.
    public func open(_ location: String, instance: String, connectNow: Bool) throws -> any BulletinArchive {
        try PostgresArchive(address: PostgresAddress(location), instance: instance, connectNow: connectNow)
    }

    public func isUnreachable(_ error: any Error) -> Bool {
        error is PostgresUnavailable
    }

    public func serverAddress(of location: String) -> String? {
        guard let address = try? PostgresAddress(location) else { return nil }
        return "\(address.host):\(address.port)"
    }

    /// - Throws: `ArchiveLocationError` for an address that cannot be used as written (the
    ///   message without `PostgresSettingError`'s "database: "), `PostgresUnavailable`.
    public func migrationTarget(_ location: String, instance: String) throws -> any ArchiveImportTarget {
        do {
            return try PostgresArchive(address: PostgresAddress(location), instance: instance)
        } catch let error as PostgresSettingError {
            let message = error.description.hasPrefix("database: ") ? String(error.description.dropFirst(10)) : error.description
            throw ArchiveLocationError(message)
        }
    }
}
