#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a configuration comes from, kept so that a reload (SIGHUP) reads it again the same way.
public enum ConfigurationSource: Sendable {
    /// The configuration file (`--config`, else the usual places: `ConfigurationLoader`) with the
    /// command line's paths on top.
    case file(explicitPath: String?, overrides: ServicePaths.Overrides,
              environment: [String: String] = ProcessInfo.processInfo.environment)
    /// A configuration given as a value (tests, tools): read again, it is the same.
    case given(Configuration)

    public func load() throws -> Configuration {
        switch self {
        case .file(let explicitPath, let overrides, let environment):
            try ConfigurationLoader.load(explicitPath: explicitPath, overrides: overrides, environment: environment)
        case .given(let configuration):
            configuration
        }
    }
}
