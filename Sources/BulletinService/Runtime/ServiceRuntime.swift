#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore

/// What every command opens, opened one way: the configuration (from its `ConfigurationSource`),
/// the store, and for the commands that analyse bulletins the rules and the pipeline. The daemon
/// gets one too, and a reload (`reloaded()`) is the same opening done again.
///
/// What a caller may rely on: the configuration's paths are absolute; the rules were read
/// before a database was created (`StoreAccess.create`, `.daemon`); a reload reuses the open
/// store unless the database setting changed.
public struct ServiceRuntime: Sendable {
    public let source: ConfigurationSource
    public let configuration: Configuration
    /// The archive the `database` setting names: a SQLite `Store` or a shared `PostgresArchive`.
    public let store: any BulletinArchive
    public let access: StoreAccess
    /// The rules and splitter patterns, read at opening for `.create` and `.daemon`.
    private let analyser: BulletinAnalyser?

    /// Reads the configuration and opens the store as `access` says. A shared database is
    /// contacted at once, except for the daemon (`.daemon`), which starts without it and waits
    /// for it (its first call reaches the server).
    /// - Throws: `ConfigurationError`, `RulesError`, `MissingDatabase`, or the store's error.
    public static func open(_ source: ConfigurationSource, access: StoreAccess) throws -> ServiceRuntime {
        try open(source, access: access, reusing: nil)
    }

    private static func open(_ source: ConfigurationSource, access: StoreAccess,
                             reusing previous: (database: String, store: any BulletinArchive)?) throws -> ServiceRuntime {
        let configuration = try source.load()
        var analyser: BulletinAnalyser?
        switch access {
        case .existing:
            guard ArchiveOpener.isRemote(configuration.database)
                    || FileManager.default.fileExists(atPath: configuration.database) else {
                throw MissingDatabase(path: configuration.database)
            }
        case .create, .daemon:
            analyser = try BulletinAnalyser(configuration: configuration)
        }
        // A daemon's name in a shared database: its host and its inbox (two daemons on one
        // host have two inboxes).
        let store = try previous.flatMap { $0.database == configuration.database ? $0.store : nil }
            ?? ArchiveOpener.open(configuration.database,
                                  instance: ArchiveOpener.defaultInstance() + ":" + configuration.inbox,
                                  checkpointsInBackground: access == .daemon,
                                  connectNow: access != .daemon)
        return ServiceRuntime(source: source, configuration: configuration, store: store, access: access, analyser: analyser)
    }

    /// The pipeline over this runtime's store, with the rules read at opening (or now, for a
    /// runtime opened `.existing`); makes the store's topics match the rules unless
    /// `syncingTopics` is false (the daemon does it when the database answers:
    /// `Pipeline.syncTopics()`).
    public func pipeline(syncingTopics: Bool = true) throws -> Pipeline {
        try Pipeline(analyser: analyser ?? BulletinAnalyser(configuration: configuration), store: store,
                     syncTopics: syncingTopics)
    }

    /// Writes the summaries into the configured folder.
    public var summaries: SummaryPublisher {
        SummaryPublisher(store: store, folder: configuration.summaries, calendar: configuration.calendar,
                         options: configuration.summary)
    }

    /// The source read again (SIGHUP). The open store is kept when the database is the same:
    /// closing its connections would dispose of their dispatch queues, which starts libdispatch
    /// worker threads that log "Failed to set thread priority" under the unit's filter.
    /// Throws as `open`; the caller keeps this runtime then.
    public func reloaded() throws -> ServiceRuntime {
        try Self.open(source, access: access, reusing: (configuration.database, store))
    }
}
