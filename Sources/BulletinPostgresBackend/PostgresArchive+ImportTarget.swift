import BulletinPostgres
import BulletinService

/// `bulletind migrate --to postgresql://…` copies into a `PostgresArchive`: its import methods
/// are the target's.
extension PostgresArchive: ArchiveImportTarget {
    public var location: String { address.description }
}
