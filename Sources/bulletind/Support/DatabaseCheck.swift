import Foundation
import BulletinService

/// The commands that only read the database refuse one that does not exist, rather than
/// creating an empty one where the user did not mean to look; only `run` and `ingest` create it.
enum DatabaseCheck {
    /// Where the installed service keeps its database (systemd/bulletind.toml).
    static let servicePath = "/var/lib/bulletind/bulletind.sqlite"

    /// `configuration`, once its database is known to exist.
    static func requireExisting(_ configuration: Configuration) throws -> Configuration {
        guard FileManager.default.fileExists(atPath: configuration.database) else {
            throw CommandFailure(
                "no database at \(display(configuration.database)) — pass --config or --database (the service's is \(servicePath))")
        }
        return configuration
    }

    /// `path` as the user would type it: `./var/x` when under the current directory.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? "./" + path.dropFirst(prefix.count) : path
    }
}
