#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the daemon keeps its state file and where `bulletind status` looks for it.
///
/// Under systemd, `RuntimeDirectory=bulletind` gives the daemon `$RUNTIME_DIRECTORY`
/// (`/run/bulletind`, readable by the drop group): the file is `state.json` there, and goes
/// with the folder when the service stops. Run by hand, it is `bulletind.state.json` beside the
/// database (the state folder), left with `"phase": "stopped"` at the end; with a shared
/// PostgreSQL database (no folder of its own, and several daemons), beside the inbox instead.
public enum StateFileLocation {
    public static let runtimeName = "state.json"
    public static let besideDatabaseName = "bulletind.state.json"
    /// The runtime folder of the packaged unit (`RuntimeDirectory=bulletind`).
    public static let serviceRuntimeDirectory = "/run/bulletind"

    /// The file the daemon writes, given its environment and database.
    public static func daemonPath(database: String, inbox: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = runtimeDirectory(environment) {
            return PathText.appending(runtime, runtimeName)
        }
        return besideDatabase(database, inbox: inbox)
    }

    /// The files `bulletind status` tries, in order: the runtime folder of its environment (if
    /// any), the packaged unit's, then beside the database. It takes the first that belongs to
    /// the same database and whose process runs, else the first that belongs to it.
    public static func candidates(database: String, inbox: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let runtime = runtimeDirectory(environment) {
            paths.append(PathText.appending(runtime, runtimeName))
        }
        let service = PathText.appending(serviceRuntimeDirectory, runtimeName)
        if !paths.contains(service) { paths.append(service) }
        paths.append(besideDatabase(database, inbox: inbox))
        return paths
    }

    static func besideDatabase(_ database: String, inbox: String? = nil) -> String {
        let folder = ArchiveOpener.isRemote(database) ? inbox ?? database : database
        return PathText.appending(PathText.deletingLastComponent(folder), besideDatabaseName)
    }

    /// systemd may list several folders, separated by ':'; the first is ours.
    private static func runtimeDirectory(_ environment: [String: String]) -> String? {
        guard let value = environment["RUNTIME_DIRECTORY"], !value.isEmpty else { return nil }
        return value.split(separator: ":").first.map(String.init)
    }
}
