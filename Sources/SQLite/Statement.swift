import CSQLite

/// A prepared statement of one `Connection`: bind the arguments, step through the rows, read
/// the columns.
///
/// The convenience methods (`execute`, `fetchAll`, `fetchOne`, `fetchValue`, `fetchValues`)
/// bind every parameter from `arguments` (in order; the count must match), run the statement
/// to the end or to the rows they need, and reset it, so the statement holds no lock and can
/// be run again. A failure throws `SQLiteError` with the statement's SQL. Not thread-safe: use
/// a statement only on the thread that holds its connection.
public final class Statement {
    /// The SQL as prepared.
    public let sql: String
    let handle: OpaquePointer
    private unowned let connection: Connection
    /// The column names, read once.
    public private(set) lazy var columns: [String] = (0..<sqlite3_column_count(handle)).map {
        String(cString: sqlite3_column_name(handle, $0))
    }

    init(sql: String, connection: Connection) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw connection.error(code: code, sql: sql)
        }
        self.sql = sql
        self.handle = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding and stepping

    /// Binds `arguments` to the parameters 1…n (after a reset). Throws when the count differs.
    public func bind(_ arguments: [any SQLValueConvertible]) throws {
        sqlite3_reset(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(code: SQLITE_RANGE,
                              message: "\(arguments.count) arguments for \(expected) parameters", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.sqlValue, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // A nil pointer would bind NULL: an empty text is bound from a literal.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), csqlite_transient())
                }
            }
        case .blob(let bytes):
            code = bytes.isEmpty
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
        guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
    }

    /// Runs the statement to its next row: true when a row is ready to read, false when done.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = connection.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Ends the current run (releasing its read lock); the bindings stay.
    public func reset() {
        sqlite3_reset(handle)
    }

    // MARK: - The current row

    /// The value of column `index` of the current row.
    public func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let bytes = sqlite3_column_text(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// The current row, copied out.
    public func row() -> Row {
        Row(columns: columns, values: (0..<Int32(columns.count)).map(value(at:)))
    }

    // MARK: - Whole runs

    /// Runs the statement to the end (for statements without rows, or whose rows do not matter).
    public func execute(_ arguments: [any SQLValueConvertible] = []) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Every row.
    public func fetchAll(_ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        var rows: [Row] = []
        while try step() { rows.append(row()) }
        return rows
    }

    /// The first row, if any.
    public func fetchOne(_ arguments: [any SQLValueConvertible] = []) throws -> Row? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        return try step() ? row() : nil
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    /// A value that cannot be `T` is a programming error (as for `Row`).
    public func fetchValue<T: SQLValueConvertible>(_ type: T.Type,
                                                  _ arguments: [any SQLValueConvertible] = []) throws -> T? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return decode(value(at: 0))
    }

    /// The first column of every row whose first column is not NULL.
    public func fetchValues<T: SQLValueConvertible>(_ type: T.Type,
                                                   _ arguments: [any SQLValueConvertible] = []) throws -> [T] {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        var values: [T] = []
        while try step() {
            if let value: T = decode(value(at: 0)) { values.append(value) }
        }
        return values
    }

    private func decode<T: SQLValueConvertible>(_ value: SQLValue) -> T? {
        if case .null = value { return nil }
        guard let decoded = T(sqlValue: value) else {
            fatalError("column '\(columns.first ?? "?")' holds \(value), which is not a \(T.self) (\(sql))")
        }
        return decoded
    }
}
