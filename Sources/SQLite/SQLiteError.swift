import CSQLite

/// An error reported by SQLite, with what a caller needs to decide and to report: the
/// extended result code (`code`), its primary code (`primaryCode`, the low byte), SQLite's
/// message and the SQL that failed (nil when the failure was not about one statement, such
/// as opening the file).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (e.g. 787, SQLITE_CONSTRAINT_FOREIGNKEY).
    public let code: Int32
    /// SQLite's message (`sqlite3_errmsg` at the time of the failure).
    public let message: String
    /// The statement that failed, as given.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (e.g. 19, SQLITE_CONSTRAINT, for every constraint failure).
    public var primaryCode: Int32 { code & 0xFF }

    /// The database was locked by another connection past the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY }
    /// A constraint of the schema failed (unique, not null, foreign key, check).
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// A foreign key constraint failed.
    public var isForeignKeyViolation: Bool { code == 787 } // SQLITE_CONSTRAINT_FOREIGNKEY
    /// SQLite found the database (or an FTS5 index checked by 'integrity-check') corrupt.
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT }
    /// A generic SQL error (syntax, missing table, an FTS5 query it cannot parse).
    public var isSQLError: Bool { primaryCode == SQLITE_ERROR }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }
}
