import Foundation

/// Where a PostgreSQL archive lives: the `database = "postgresql://USER@HOST:PORT/DB?sslmode=…"`
/// setting, parsed. The password is never part of it (see `PostgresPassword`).
///
/// Query parameters understood: `sslmode` (`disable`, `prefer`, `require`, `verify-ca`,
/// `verify-full`; default `prefer` like libpq), `sslrootcert` (a PEM file of trusted roots
/// for the verify modes), `password_file` (a file holding the password), `connect_timeout`
/// (seconds, default 10). Anything else is refused by name, so a typo is not silently ignored.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    public var sslRootCert: String?
    public var passwordFile: String?
    public var connectTimeout: Int

    /// True when `setting` names a PostgreSQL server rather than a SQLite file.
    public static func isPostgresURL(_ setting: String) -> Bool {
        setting.hasPrefix("postgresql://") || setting.hasPrefix("postgres://")
    }

    /// Parses the `database` setting. Throws `PostgresSettingError` with a one-line message
    /// naming the setting and what to change.
    public init(_ setting: String) throws {
        guard Self.isPostgresURL(setting), let components = URLComponents(string: setting) else {
            throw PostgresSettingError("database = \"\(setting)\" is not a postgresql://USER@HOST:PORT/DB address")
        }
        if components.password != nil {
            throw PostgresSettingError(
                "database: the address must not contain a password: put it in a password_file, PGPASSFILE or a systemd credential")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresSettingError("database: the address names no user: write postgresql://USER@HOST:PORT/DB")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresSettingError("database: the address names no host: write postgresql://USER@HOST:PORT/DB")
        }
        let name = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !name.isEmpty, !name.contains("/") else {
            throw PostgresSettingError("database: the address names no database: write postgresql://USER@HOST:PORT/DB")
        }
        self.user = user.removingPercentEncoding ?? user
        self.host = host
        self.port = components.port ?? 5432
        self.database = name.removingPercentEncoding ?? name
        sslMode = .prefer
        connectTimeout = 10
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw PostgresSettingError(
                        "database: sslmode=\(value) is not one of disable, prefer, require, verify-ca, verify-full")
                }
                sslMode = mode
            case "sslrootcert": sslRootCert = value
            case "password_file": passwordFile = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw PostgresSettingError("database: connect_timeout=\(value) is not a number of seconds")
                }
                connectTimeout = seconds
            default:
                throw PostgresSettingError(
                    "database: unknown parameter \(item.name) (known: sslmode, sslrootcert, password_file, connect_timeout)")
            }
        }
    }

    /// `user@host:port/database`, never a password: for logs and messages.
    public var description: String { "\(user)@\(host):\(port)/\(database)" }
}

/// A `database = "postgresql://…"` setting that cannot be used; the message names the setting.
public struct PostgresSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
