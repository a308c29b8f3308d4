import Foundation
import PostgresNIO

/// One connection, used by one thread at a time, with blocking calls. Each call waits on an
/// `EventLoopFuture` from the calling thread, never from an event-loop thread (the connector
/// checks), so it cannot deadlock the loop the connection runs on.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns all its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [PostgresRow] {
        let query = PostgresQuery(unsafeSQL: sql, binds: try SQLValue.bindings(values))
        return try connection.query(query, logger: logger).wait().rows
    }

    /// Runs one statement; returns the number of rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        let query = PostgresQuery(unsafeSQL: sql, binds: try SQLValue.bindings(values))
        return try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    /// Runs `body` in one transaction: COMMIT when it returns, ROLLBACK when it throws.
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }
}

extension PSQLError {
    /// The server's SQLSTATE, when the server answered with an error.
    var sqlState: String? { serverInfo?[.sqlState] }
}
