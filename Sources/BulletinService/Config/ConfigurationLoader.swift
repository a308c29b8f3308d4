import Foundation

/// Finds, reads and checks the configuration, then applies the command line's paths.
public enum ConfigurationLoader {
    /// Where the configuration comes from, first match wins: `explicitPath` (--config),
    /// `$BULLETIND_CONFIG`, /etc/bulletind/bulletind.toml, ./Config/bulletind.toml; with none
    /// of them, `Configuration.repositoryDefaults`. A relative path in the file is resolved
    /// against the file's folder; relative paths on the command line (`overrides`) and in the
    /// built-in defaults against the current directory. The result holds absolute paths.
    public static func load(explicitPath: String?, overrides: PathOverrides = PathOverrides(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        var configuration: Configuration
        let currentDirectory = FileManager.default.currentDirectoryPath
        if let path = configurationPath(explicitPath: explicitPath, environment: environment) {
            let folder = (Configuration.path(path, relativeTo: currentDirectory) as NSString).deletingLastPathComponent
            configuration = try ConfigurationFile.parse(TextFile.read(path, what: "configuration file"), fileName: path,
                                                        relativeTo: folder)
        } else {
            configuration = .repositoryDefaults
        }
        overrides.apply(to: &configuration)
        return configuration.resolvingPaths(against: currentDirectory)
    }

    static func configurationPath(explicitPath: String?, environment: [String: String]) -> String? {
        if let explicitPath { return explicitPath }
        if let fromEnvironment = environment["BULLETIND_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        for candidate in ["/etc/bulletind/bulletind.toml", "Config/bulletind.toml"]
        where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return nil
    }
}

extension Configuration {
    /// The same configuration with every relative path made absolute against `directory`.
    public func resolvingPaths(against directory: String) -> Configuration {
        func absolute(_ path: String) -> String { Configuration.path(path, relativeTo: directory) }
        var copy = self
        copy.inbox = absolute(inbox)
        copy.archive = absolute(archive)
        copy.quarantine = absolute(quarantine)
        copy.database = absolute(database)
        copy.summaries = absolute(summaries)
        copy.rules = absolute(rules)
        return copy
    }

    /// `path` made absolute: `~` expanded, a relative path joined to `directory` (left
    /// relative when `directory` is nil), `.` and `..` removed.
    static func path(_ path: String, relativeTo directory: String?) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        guard let directory else { return expanded }
        return ((directory as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
