import Foundation
import PostgresNIO
import BulletinStore

/// A small pool of connections for blocking callers: a thread takes an idle connection (or
/// opens one), uses it alone, and gives it back. Connections run on one event-loop thread the
/// connector owns; callers wait on futures from their own threads (never an event-loop
/// thread: `withSession` refuses, instead of deadlocking).
///
/// Nothing blocks for ever: connecting and every statement wait at most `callTimeout`
/// (`PostgresCall`). A connection that failed (server restarted or shut down, network gone, no
/// answer in time) is closed and dropped, and the call throws `PostgresUnavailable`; the next
/// call opens a new one. A connection the server merely answered with an error (a constraint, a
/// deadlock) is kept. At most `maxIdle` connections are kept between calls.
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
    /// The longest any one call waits for the server.
    let callTimeout: TimeAmount

    init(address: PostgresAddress, password: String?, maxIdle: Int = 4,
         callTimeout: TimeAmount = PostgresCall.defaultTimeout) throws {
        self.address = address
        self.maxIdle = maxIdle
        self.callTimeout = callTimeout
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
    /// connection can be opened, or when the connection is lost or stops answering during
    /// `body` (it is dropped then); the server's other errors are rethrown as they are.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil,
                     "PostgresConnector: a blocking call on an event-loop thread would deadlock")
        let connection = try take()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger,
                                                  timeout: callTimeout, place: place))
            give(connection)
            return result
        } catch {
            if let lost = Self.connectionLost(error, place: place) {
                drop(connection)
                throw lost
            }
            if connection.isClosed { drop(connection) } else { give(connection) }
            throw error
        }
    }

    /// `host:port`, for messages.
    var place: String { "\(address.host):\(address.port)" }

    /// Closes the idle connections (the next call opens new ones).
    func closeIdle() {
        let connections = lock.withLock { defer { idle = [] }; return idle }
        for connection in connections { drop(connection) }
    }

    private func take() throws -> PostgresConnection {
        while let connection = lock.withLock({ idle.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = lock.withLock { nextID += 1; return nextID }
        do {
            let connecting = PostgresConnection.connect(on: group.next(), configuration: configuration, id: id,
                                                        logger: logger)
            do {
                return try PostgresCall.wait(connecting, timeout: callTimeout, place: place)
            } catch let error as PostgresUnavailable {
                // Gave up waiting: a connection that opens after all is closed at once.
                connecting.whenSuccess { connection in _ = connection.close() as EventLoopFuture<Void> }
                throw error
            }
        } catch let error as PostgresUnavailable {
            throw error
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
        if !kept { drop(connection) }
    }

    /// Closes a connection that is not given back (waiting at most `callTimeout`).
    private func drop(_ connection: PostgresConnection) {
        _ = try? PostgresCall.wait(connection.close(), timeout: callTimeout, place: place)
    }

    /// The `PostgresUnavailable` to throw when `error` means the connection is gone or useless
    /// (closed, reset, timed out, the server shutting down or refusing work: SQLSTATE classes
    /// 08 and 57); nil for an answer of the server on a good connection (and for `StoreError`).
    static func connectionLost(_ error: any Error, place: String) -> PostgresUnavailable? {
        if let unavailable = error as? PostgresUnavailable { return unavailable }
        if let psql = error as? PSQLError {
            guard let state = psql.sqlState else {
                // The client's own mistakes leave the connection as it was.
                if psql.code == .tooManyParameters || psql.code == .invalidCommandTag { return nil }
                return .lost(place, reason: "\(psql.code)")
            }
            guard state.hasPrefix("08") || state.hasPrefix("57") else { return nil }
            return .lost(place, reason: "\(psql.serverInfo?[.message] ?? "the server ended the session") (SQLSTATE \(state))")
        }
        if error is ChannelError || error is IOError { return .lost(place, reason: "\(error)") }
        return nil
    }
}
