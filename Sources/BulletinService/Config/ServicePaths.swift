#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The six places bulletind reads and writes, named once. `Configuration` reaches them by
/// their names (`configuration.inbox` is `configuration.paths.inbox`); the configuration file,
/// the command line and the built-in defaults all go through `ServicePaths.Key`.
public struct ServicePaths: Sendable, Equatable {
    public var inbox: String
    public var archive: String
    public var quarantine: String
    public var database: String
    public var summaries: String
    public var rules: String

    /// A path setting: its name in bulletind.toml and on the command line (`--inbox`…).
    public enum Key: String, CaseIterable, Sendable {
        case inbox, archive, quarantine, database, summaries, rules

        var keyPath: WritableKeyPath<ServicePaths, String> {
            switch self {
            case .inbox: \.inbox
            case .archive: \.archive
            case .quarantine: \.quarantine
            case .database: \.database
            case .summaries: \.summaries
            case .rules: \.rules
            }
        }
    }

    /// Paths given on the command line; each one given wins over the configuration file.
    public typealias Overrides = [Key: String]

    public init(inbox: String, archive: String, quarantine: String, database: String, summaries: String, rules: String) {
        self.inbox = inbox
        self.archive = archive
        self.quarantine = quarantine
        self.database = database
        self.summaries = summaries
        self.rules = rules
    }

    /// Run from the repository: ./Inbox, state under ./var/, the rules in ./Config.
    public static let repositoryDefaults = ServicePaths(
        inbox: "Inbox", archive: "var/archive", quarantine: "var/quarantine",
        database: "var/bulletind.sqlite", summaries: "var/summaries", rules: "Config/topics.toml")

    public subscript(key: Key) -> String {
        get { self[keyPath: key.keyPath] }
        set { self[keyPath: key.keyPath] = newValue }
    }

    /// The same paths with `overrides` in place of the ones they name.
    public func overridden(by overrides: Overrides) -> ServicePaths {
        var copy = self
        for (key, value) in overrides { copy[key] = value }
        return copy
    }

    /// Every relative path made absolute against `directory` (see `ServicePaths.absolute`).
    public func resolved(against directory: String?) -> ServicePaths {
        var copy = self
        for key in Key.allCases { copy[key] = Self.absolute(self[key], relativeTo: directory) }
        return copy
    }

    /// `path` made absolute: `~` expanded, a relative path joined to `directory` (left
    /// relative when `directory` is nil), `.` and `..` removed.
    /// A `postgresql://` address (the `database` setting naming a server) is left as it is.
    static func absolute(_ path: String, relativeTo directory: String?) -> String {
        if ArchiveOpener.isRemote(path) { return path }
        let expanded = PathText.expandingTilde(path)
        if expanded.hasPrefix("/") { return PathText.standardized(expanded) }
        guard let directory else { return expanded }
        return PathText.standardized(PathText.appending(directory, expanded))
    }
}
