import PosixThreads

/// One database file in WAL mode shared by the threads of a process: one writer connection
/// and read-only reader connections.
///
/// What a caller may rely on (the guarantees GRDB's `DatabasePool` gave the store):
/// - `write` and `writeWithoutTransaction` are serialised: one at a time, on the one writer
///   connection, in the order the lock grants them. `write` is one IMMEDIATE transaction.
/// - `read` runs in a read transaction on a reader connection of its own: it sees the last
///   commit before its first read and nothing later (a snapshot), never blocks the writer and
///   is not blocked by it; reads run concurrently with each other and with the write.
/// - Every connection gets `prepare` when opened (busy timeout, pragmas); the writer first
///   turns the file into WAL mode.
/// Up to `maximumIdleReaders` reader connections are kept open between reads; more are opened
/// when more reads run at once, and closed when they end.
public final class ConnectionPool: @unchecked Sendable {
    /// The database file's path as given.
    public let path: String
    /// Reader connections kept open between reads.
    public static let maximumIdleReaders = 5

    private let writer: Connection
    private let writerLock = Lock()
    private let readersLock = Lock()
    /// Guarded by `readersLock`.
    private var idleReaders: [Connection] = []
    private let prepare: @Sendable (Connection) throws -> Void

    /// Opens the writer connection on `path` (creating the file when missing), sets WAL mode
    /// and runs `prepare` on it; readers are opened when first needed.
    public init(path: String, prepare: @escaping @Sendable (Connection) throws -> Void = { _ in }) throws {
        self.path = path
        self.prepare = prepare
        writer = try Connection(path: path)
        try prepare(writer)
        let mode = try writer.fetchValue(String.self, "PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(code: 1, message: "cannot set WAL mode on \(path) (journal mode \(mode ?? "?"))")
        }
    }

    /// Runs `body` in ONE IMMEDIATE transaction on the writer: committed when `body` returns,
    /// rolled back when it throws.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try writerLock.withLock {
            try writer.transaction(.immediate) { try body(writer) }
        }
    }

    /// Runs `body` on the writer outside any transaction (each statement commits by itself
    /// unless `body` opens a transaction), e.g. for pragmas and checkpoints.
    public func writeWithoutTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try writerLock.withLock { try body(writer) }
    }

    /// Runs `body` in a read transaction on a reader connection: one snapshot throughout.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let reader = try takeReader()
        defer { giveBack(reader) }
        return try reader.transaction(.deferred) { try body(reader) }
    }

    /// Frees the page caches of the writer (waiting for a write in progress) and of the idle
    /// readers; the connections stay open.
    public func releaseMemory() {
        writerLock.withLock { writer.releaseMemory() }
        readersLock.withLock { for reader in idleReaders { reader.releaseMemory() } }
    }

    private func takeReader() throws -> Connection {
        if let reader = readersLock.withLock({ idleReaders.popLast() }) { return reader }
        let reader = try Connection(path: path, readOnly: true)
        try prepare(reader)
        return reader
    }

    private func giveBack(_ reader: Connection) {
        // A reader left in a transaction (a failed rollback) is not reused.
        guard !reader.isInTransaction else { return }
        readersLock.withLock {
            if idleReaders.count < Self.maximumIdleReaders { idleReaders.append(reader) }
        }
    }
}
