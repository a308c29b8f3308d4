import Foundation
import PostgresNIO
import BulletinStore

/// A small pool of connections for blocking callers: a thread takes an idle connection (or
/// opens one), uses it alone, and gives it back. Connections run on one event-loop thread the
/// connector owns; callers wait on futures from their own threads (never an event-loop
/// thread: `withSession` refuses, instead of deadlocking).
///
/// A connection that failed (server restarted, network gone) is closed and dropped; the next
/// call opens a new one. At most `maxIdle` connections are kept between calls.
final class PostgresConnector: @unchecked Sendable {
    let address: PostgresAddress
    private let configuration: PostgresConnection.Configuration
    private let group: MultiThreadedEventLoopGroup
    /// Guards `idle` and `nextID`.
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextID = 0
    private let maxIdle: Int
    private let logger: Logger

    init(address: PostgresAddress, password: String?, maxIdle: Int = 4) throws {
        self.address = address
        self.maxIdle = maxIdle
        var logger = Logger(label: "bulletind.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        switch address.sslMode {
        case .disable:
            tls = .disable
        case .prefer, .require, .verifyCA, .verifyFull:
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            switch address.sslMode {
            case .prefer, .require: tlsConfiguration.certificateVerification = .none
            case .verifyCA: tlsConfiguration.certificateVerification = .noHostnameVerification
            default: tlsConfiguration.certificateVerification = .fullVerification
            }
            if let root = address.sslRootCert {
                tlsConfiguration.trustRoots = .file(root)
            }
            let context: NIOSSLContext
            do {
                context = try NIOSSLContext(configuration: tlsConfiguration)
            } catch {
                throw PostgresSettingError("database: TLS cannot be set up (sslrootcert=\(address.sslRootCert ?? "")): \(error)")
            }
            tls = address.sslMode == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        if address.sslMode == .verifyFull { configuration.options.tlsServerName = address.host }
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    deinit {
        let connections = lock.withLock { defer { idle = [] }; return idle }
        for connection in connections { _ = try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    /// Runs `body` with a connection of its own. Throws `PostgresUnavailable` when no
    /// connection can be opened; a connection that fails during `body` is dropped.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil,
                     "PostgresConnector: a blocking call on an event-loop thread would deadlock")
        let connection = try take()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger))
            give(connection)
            return result
        } catch {
            if connection.isClosed || !Self.isServerError(error) {
                _ = try? connection.close().wait()
            } else {
                give(connection)
            }
            if let psql = error as? PSQLError, psql.sqlState == nil {
                throw PostgresUnavailable("lost the connection to \(address.host):\(address.port): \(psql.code) — is PostgreSQL running?")
            }
            throw error
        }
    }

    /// Closes the idle connections (the next call opens new ones).
    func closeIdle() {
        let connections = lock.withLock { defer { idle = [] }; return idle }
        for connection in connections { _ = try? connection.close().wait() }
    }

    private func take() throws -> PostgresConnection {
        while let connection = lock.withLock({ idle.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = lock.withLock { nextID += 1; return nextID }
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id,
                                                  logger: logger).wait()
        } catch {
            throw PostgresUnavailable.connecting(to: address, error)
        }
    }

    private func give(_ connection: PostgresConnection) {
        let kept = lock.withLock { () -> Bool in
            guard idle.count < maxIdle, !connection.isClosed else { return false }
            idle.append(connection)
            return true
        }
        if !kept { _ = try? connection.close().wait() }
    }

    /// An error the server answered with (the connection is still good after ROLLBACK).
    static func isServerError(_ error: any Error) -> Bool {
        (error as? PSQLError)?.sqlState != nil || error is StoreError
    }
}
