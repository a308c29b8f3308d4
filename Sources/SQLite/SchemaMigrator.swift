/// Named schema migrations, applied once each, in the order registered, and recorded in a
/// table of the database (`grdb_migrations` by default: the table GRDB's migrator kept, so
/// databases it migrated carry on from where they are).
///
/// `migrate` runs in ONE IMMEDIATE transaction: the missing migrations all apply or none
/// does, and two processes opening the same database at once cannot both apply one.
public struct SchemaMigrator: Sendable {
    /// The table of applied migration identifiers.
    public let table: String
    private var migrations: [(identifier: String, apply: @Sendable (Connection) throws -> Void)] = []

    public init(table: String = "grdb_migrations") {
        self.table = table
    }

    /// Adds a migration; `identifier` must be new. Never edit one that has shipped: add another.
    public mutating func registerMigration(_ identifier: String, _ apply: @escaping @Sendable (Connection) throws -> Void) {
        precondition(!migrations.contains { $0.identifier == identifier }, "migration \(identifier) registered twice")
        migrations.append((identifier, apply))
    }

    /// The identifiers registered, in order.
    public var identifiers: [String] { migrations.map(\.identifier) }

    /// Applies the migrations not yet applied, up to and including `last` (all when nil).
    public func migrate(_ pool: ConnectionPool, upTo last: String? = nil) throws {
        try pool.writeWithoutTransaction { try migrate($0, upTo: last) }
    }

    /// Applies the migrations not yet applied on `connection` (outside a transaction).
    public func migrate(_ connection: Connection, upTo last: String? = nil) throws {
        if let last { precondition(identifiers.contains(last), "no migration \(last)") }
        let wanted = last.map { last in Array(identifiers.prefix { $0 != last }) + [last] } ?? identifiers
        // Already up to date (every open after the first): no write lock taken.
        let exists = try connection.fetchValue(
            Int.self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) != nil
        if exists, Set(try connection.fetchValues(String.self, "SELECT identifier FROM \(table)")).isSuperset(of: wanted) {
            return
        }
        try connection.transaction(.immediate) {
            try connection.execute("CREATE TABLE IF NOT EXISTS \(table) (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = Set(try connection.fetchValues(String.self, "SELECT identifier FROM \(table)"))
            for migration in migrations {
                if !applied.contains(migration.identifier) {
                    try migration.apply(connection)
                    try connection.execute("INSERT INTO \(table) (identifier) VALUES (?)", [migration.identifier])
                }
                if migration.identifier == last { break }
            }
        }
    }
}
