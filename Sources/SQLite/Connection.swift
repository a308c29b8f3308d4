import CSQLite

/// One SQLite connection (`sqlite3*`): statements, a cache of prepared statements,
/// transactions.
///
/// Not thread-safe: one thread at a time (`ConnectionPool` hands a connection to one caller
/// at a time; SQLite's own mutexes are off for it, `SQLITE_OPEN_NOMUTEX`). Extended result
/// codes are on, so `SQLiteError.code` tells e.g. a foreign-key failure from a unique one.
/// The connection is closed when the object goes.
public final class Connection {
    /// The database file's path as given.
    public let path: String
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    /// The handler `onCommitToLog` installed, kept alive with the connection.
    private var logHook: LogHook?

    /// The library's process-wide settings, applied once before the first connection opens
    /// (they can only be changed before SQLite initialises): memory statistics off
    /// (`csqlite_disable_memory_statistics`).
    private static let libraryConfigured: Bool = {
        csqlite_disable_memory_statistics() == SQLITE_OK
    }()

    /// Opens the database at `path`; `readOnly` opens it for reading only, else for reading
    /// and writing, creating the file when missing.
    public init(path: String, readOnly: Bool = false) throws {
        _ = Connection.libraryConfigured
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(db)
            throw SQLiteError(code: code, message: "cannot open \(path): \(message)")
        }
        self.path = path
        self.handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        if logHook != nil { sqlite3_wal_hook(handle, nil, nil) }
        sqlite3_close_v2(handle)
    }

    // MARK: - The write-ahead log

    /// Calls `handler` on the committing thread after each commit of this connection to the
    /// write-ahead log, with the number of frames (pages) the log holds then, counted from its
    /// start (a log that started again counts from 0). It REPLACES SQLite's automatic checkpoint
    /// (`PRAGMA wal_autocheckpoint`, which is this same hook): from then on the connection
    /// checkpoints only when told to, by `handler` (`checkpointPassive()`) or anyone else.
    /// `handler` runs inside the commit, on the connection: it may checkpoint, nothing more.
    public func onCommitToLog(_ handler: @escaping (Connection, Int) -> Void) {
        let hook = LogHook(connection: self, handler: handler)
        logHook = hook
        sqlite3_wal_hook(handle, { context, _, _, frames in
            guard let context else { return SQLITE_OK }
            let hook = Unmanaged<LogHook>.fromOpaque(context).takeUnretainedValue()
            if let connection = hook.connection { hook.handler(connection, Int(frames)) }
            return SQLITE_OK
        }, Unmanaged.passUnretained(hook).toOpaque())
    }

    /// One PASSIVE checkpoint of the main database on this connection (what SQLite's automatic
    /// checkpoint runs, and may run inside `onCommitToLog`'s handler): copies the log's frames
    /// that no reader still needs into the database file, without waiting for readers or
    /// writers. A failure is ignored: the log is only longer until the next checkpoint. On a
    /// connection that has not run a statement yet it copies nothing (it does not know yet that
    /// the file is in WAL mode): run `PRAGMA wal_checkpoint(PASSIVE)` there.
    public func checkpointPassive() {
        sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    private final class LogHook {
        weak var connection: Connection?
        let handler: (Connection, Int) -> Void
        init(connection: Connection, handler: @escaping (Connection, Int) -> Void) {
            self.connection = connection
            self.handler = handler
        }
    }

    /// The error SQLite reports for `code` on this connection.
    func error(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        // The connection's last error is this one's unless a later call replaced it.
        let current = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(code: current, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    // MARK: - Statements

    /// Runs one or more statements without arguments (`sqlite3_exec`), ignoring their rows.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement with arguments, ignoring its rows.
    public func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws {
        try prepare(sql).execute(arguments)
    }

    /// A new prepared statement (one statement), finalized when released.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(sql: sql, connection: self)
    }

    /// The connection's prepared statement for `sql`, prepared at the first call and kept
    /// while the connection is open (for the SQL run often: the ingest path). The caller
    /// must finish with it (the convenience methods reset it) before asking for it again.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Every row of `sql`.
    public func fetchAll(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        try prepare(sql).fetchAll(arguments)
    }

    /// The first row of `sql`, if any.
    public func fetchOne(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Row? {
        try prepare(sql).fetchOne(arguments)
    }

    /// The first column of the first row of `sql`; nil when there is no row or it is NULL.
    public func fetchValue<T: SQLValueConvertible>(_ type: T.Type, _ sql: String,
                                                  _ arguments: [any SQLValueConvertible] = []) throws -> T? {
        try prepare(sql).fetchValue(type, arguments)
    }

    /// The first column of the rows of `sql` (NULLs left out).
    public func fetchValues<T: SQLValueConvertible>(_ type: T.Type, _ sql: String,
                                                   _ arguments: [any SQLValueConvertible] = []) throws -> [T] {
        try prepare(sql).fetchValues(type, arguments)
    }

    /// The rows of `sql` one at a time, on a statement of the cursor's own.
    public func cursor(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> RowCursor {
        try RowCursor(statement: prepare(sql), arguments: arguments)
    }

    // MARK: - State

    /// The rowid of the last row inserted by this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows changed by INSERT, UPDATE and DELETE since the connection opened.
    public var totalChanges: Int64 { Int64(sqlite3_total_changes(handle)) }

    /// True when the connection was opened for reading only.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// True while a transaction is open (not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// How long a statement waits for a lock held by another connection before failing with
    /// SQLITE_BUSY (0: fails at once).
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Frees as much of the connection's page cache as it can; the connection stays open.
    public func releaseMemory() {
        sqlite3_db_release_memory(handle)
    }

    // MARK: - Transactions

    /// How a transaction takes its locks (SQLite's BEGIN DEFERRED / IMMEDIATE).
    public enum TransactionKind: String, Sendable {
        /// Locks at the first read (a read snapshot) or write.
        case deferred = "DEFERRED"
        /// Takes the write lock at once (waiting up to the busy timeout): a writer's transaction
        /// never fails half-way for want of the lock.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it (or the
    /// commit) throws. Must not be nested.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
            try execute("COMMIT TRANSACTION")
        } catch {
            if isInTransaction { try? execute("ROLLBACK TRANSACTION") }
            throw error
        }
        return result
    }
}
