#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A command that only reads the archive was pointed at a database that does not exist.
public struct MissingDatabase: Error, CustomStringConvertible {
    /// Where the installed service keeps its database (systemd/bulletind.toml).
    public static let servicePath = "/var/lib/bulletind/bulletind.sqlite"

    public var path: String

    public var description: String {
        "no database at \(Self.display(path)) — pass --config or --database (the service's is \(Self.servicePath))"
    }

    /// `path` as the user would type it: `./var/x` when under the current directory.
    public static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? "./" + path.dropFirst(prefix.count) : path
    }
}
