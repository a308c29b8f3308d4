#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds, reads and checks the configuration, then applies the command line's paths.
public enum ConfigurationLoader {
    /// Where the configuration comes from, first match wins: `explicitPath` (--config),
    /// `$BULLETIND_CONFIG`, /etc/bulletind/bulletind.toml, ./Config/bulletind.toml; with none
    /// of them, `Configuration.repositoryDefaults`. A relative path in the file is resolved
    /// against the file's folder; relative paths on the command line (`overrides`) and in the
    /// built-in defaults against the current directory. The result holds absolute paths.
    public static func load(explicitPath: String?, overrides: ServicePaths.Overrides = [:],
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        var configuration: Configuration
        let currentDirectory = FileManager.default.currentDirectoryPath
        if let path = configurationPath(explicitPath: explicitPath, environment: environment) {
            let folder = PathText.deletingLastComponent(ServicePaths.absolute(path, relativeTo: currentDirectory))
            configuration = try ConfigurationFile.parse(TextFile.read(path, what: "configuration file"), fileName: path,
                                                        relativeTo: folder)
        } else {
            configuration = .repositoryDefaults
        }
        configuration.paths = configuration.paths.overridden(by: overrides).resolved(against: currentDirectory)
        return configuration
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
