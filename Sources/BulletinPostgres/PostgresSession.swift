import Foundation
import PostgresNIO

/// One connection, used by one thread at a time, with blocking calls. Each call waits on an
/// `EventLoopFuture` from the calling thread, never from an event-loop thread (the connector
/// checks), so it cannot deadlock the loop the connection runs on; and at most `timeout`
/// (`PostgresCall`): a call never blocks for ever, even on a connection the server closed.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// The longest one statement waits for its answer.
    let timeout: TimeAmount
    /// `host:port`, for messages.
    let place: String

    /// Runs one statement and returns all its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [PostgresRow] {
        try run(sql, values).rows
    }

    /// Runs one statement; returns the number of rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        try run(sql, values).metadata.rows ?? 0
    }

    private func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        let query = PostgresQuery(unsafeSQL: sql, binds: try SQLValue.bindings(values))
        return try PostgresCall.wait(connection.query(query, logger: logger), timeout: timeout, place: place,
                                     on: connection)
    }

    /// Runs `body` in one transaction: COMMIT when it returns, ROLLBACK when it throws.
    /// When the COMMIT gets no answer (the connection is lost meanwhile), whether it took
    /// effect is unknown: the caller's retry must be harmless either way (ingest is: see
    /// `PostgresArchive.ingest(batch:)`).
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A connection lost or not answering is dropped by the connector (the server rolls
            // back what it had): a ROLLBACK would only wait out another timeout.
            if !(error is PostgresUnavailable) && !connection.isClosed { _ = try? execute("ROLLBACK") }
            throw error
        }
    }
}

extension PSQLError {
    /// The server's SQLSTATE, when the server answered with an error.
    var sqlState: String? { serverInfo?[.sqlState] }
}
