/// The kinds of database server an archive location can name; anything else is a SQLite file.
public enum ArchiveServerKind: String, Sendable, CaseIterable {
    case postgreSQL = "PostgreSQL"

    /// The kind `location` names by its scheme (`postgresql://…`, `postgres://…`); nil for a
    /// SQLite file's path. Looks at the text only: nothing is contacted or parsed further.
    public init?(location: String) {
        guard location.hasPrefix("postgresql://") || location.hasPrefix("postgres://") else { return nil }
        self = .postgreSQL
    }

    /// The executable that holds this backend, installed beside `bulletind` (`make install`).
    public var executableName: String {
        switch self {
        case .postgreSQL: "bulletind-postgresql"
        }
    }
}
