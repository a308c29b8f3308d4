import Foundation
import PostgresNIO

/// The database could not be reached or refused the session: environmental, worth retrying
/// (the daemon waits with backoff). The message names the address and what to check, e.g.
/// `cannot connect to db.example:5432: connection refused — is PostgreSQL running and
/// listening on that address?`. Never contains a password.
public struct PostgresUnavailable: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }

    /// The connection to `place` (`host:port`) broke or stopped answering during a call.
    static func lost(_ place: String, reason: String) -> PostgresUnavailable {
        .init("lost the connection to \(place): \(reason) — is PostgreSQL running and reachable?")
    }

    /// A readable message for an error of `PostgresConnection.connect` to `address`.
    static func connecting(to address: PostgresAddress, _ error: any Error) -> PostgresUnavailable {
        let place = "\(address.host):\(address.port)"
        if let psql = error as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                let message = psql.serverInfo?[.message] ?? "refused"
                switch state {
                case "28P01", "28000":
                    return .init("cannot log in to \(place) as \(address.user): \(message) — check the password (password_file, PGPASSFILE or the \(PostgresPassword.credentialName) credential) and pg_hba.conf")
                case "3D000":
                    return .init("cannot open database \(address.database) on \(place): \(message) — create it with createdb -O \(address.user) \(address.database)")
                default:
                    return .init("cannot connect to \(place): \(message) (SQLSTATE \(state))")
                }
            }
            switch psql.code {
            case .sslUnsupported:
                return .init("cannot connect to \(place): the server does not offer TLS, which sslmode=\(address.sslMode.rawValue) requires — enable ssl on the server or change sslmode in the database setting")
            case .authMechanismRequiresPassword:
                return .init("cannot log in to \(place) as \(address.user): the server asks for a password and none was found — give one in password_file, PGPASSFILE or the \(PostgresPassword.credentialName) credential")
            default:
                if let underlying = psql.underlying { return connecting(to: address, underlying) }
                return .init("cannot connect to \(place): \(psql.code)")
            }
        }
        if let io = error as? IOError {
            return .init("cannot connect to \(place): \(reason(errno: io.errnoCode))")
        }
        if let nio = error as? NIOConnectionError {
            let inner = nio.connectionErrors.first?.error ?? nio.dnsAAAAError ?? nio.dnsAError
            if let inner { return connecting(to: address, inner) }
            return .init("cannot connect to \(place): the name \(address.host) does not resolve — check the host in the database setting")
        }
        if error is ChannelError {
            if case ChannelError.connectTimeout = error {
                return .init("cannot connect to \(place): no answer within \(address.connectTimeout) s — is the host up and the port open?")
            }
        }
        let text = String(describing: error)
        return .init("cannot connect to \(place): \(text)")
    }

    private static func reason(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused — is PostgreSQL running and listening on that address?"
        case EHOSTUNREACH, ENETUNREACH: return "\(String(cString: strerror(code))) — check the host in the database setting and the network"
        case ETIMEDOUT: return "timed out — is the host up and the port open?"
        default: return String(cString: strerror(code))
        }
    }
}
