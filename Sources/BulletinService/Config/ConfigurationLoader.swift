import Foundation

/// Finds, reads and checks the configuration, then applies the command line's paths.
public enum ConfigurationLoader {
    /// Where the configuration comes from, first match wins: `explicitPath` (--config),
    /// `$BULLETIND_CONFIG`, /etc/bulletind/bulletind.toml, ./Config/bulletind.toml; with none
    /// of them, `Configuration.repositoryDefaults`. Relative paths, in the file or on the
    /// command line, are resolved against the current directory; the result holds absolute paths.
    public static func load(explicitPath: String?, overrides: PathOverrides = PathOverrides(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        var configuration: Configuration
        if let path = configurationPath(explicitPath: explicitPath, environment: environment) {
            configuration = try ConfigurationFile.parse(TextFile.read(path, what: "configuration file"), fileName: path)
        } else {
            configuration = .repositoryDefaults
        }
        overrides.apply(to: &configuration)
        return configuration.resolvingPaths(against: FileManager.default.currentDirectoryPath)
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
        func absolute(_ path: String) -> String {
            let expanded = (path as NSString).expandingTildeInPath
            let joined = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
            return (joined as NSString).standardizingPath
        }
        var copy = self
        copy.inbox = absolute(inbox)
        copy.archive = absolute(archive)
        copy.quarantine = absolute(quarantine)
        copy.database = absolute(database)
        copy.summaries = absolute(summaries)
        copy.rules = absolute(rules)
        return copy
    }
}
