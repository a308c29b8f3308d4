import ArgumentParser
import BulletinService

/// The options every subcommand accepts, so a script can pass one set to any of them.
struct PathOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file.", discussion: "Default: $BULLETIND_CONFIG, else /etc/bulletind/bulletind.toml, else ./Config/bulletind.toml, else the built-in defaults. Relative paths in the file are relative to the file's folder; the path options below, to the current directory.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The inbox folder to watch.", valueName: "dir"))
    var inbox: String?

    @Option(help: ArgumentHelp("Where ingested files are kept.", valueName: "dir"))
    var archive: String?

    @Option(help: ArgumentHelp("Where files that cannot be ingested are moved, with a NAME.error beside each.", valueName: "dir"))
    var quarantine: String?

    @Option(help: ArgumentHelp("The SQLite database file.", valueName: "file"))
    var database: String?

    @Option(help: ArgumentHelp("Where the daily summaries are written.", valueName: "dir"))
    var summaries: String?

    @Option(help: ArgumentHelp("The topic rules file.", valueName: "file"))
    var rules: String?

    /// The paths given on the command line.
    var overrides: ServicePaths.Overrides {
        let given: [ServicePaths.Key: String?] = [
            .inbox: inbox, .archive: archive, .quarantine: quarantine,
            .database: database, .summaries: summaries, .rules: rules,
        ]
        return given.compactMapValues { $0 }
    }

    /// The configuration file with the command line's paths on top.
    var source: ConfigurationSource { .file(explicitPath: config, overrides: overrides) }

    /// The configuration alone, for the commands that use no database (`split`, `rules test`).
    func load() throws -> Configuration {
        try source.load()
    }

    /// The configuration and the store (and, for writers, the rules), opened one way for every
    /// command (`ServiceRuntime`).
    func open(_ access: StoreAccess) throws -> ServiceRuntime {
        try ServiceRuntime.open(source, access: access)
    }
}
