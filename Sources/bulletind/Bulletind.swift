import ArgumentParser
import BulletinService

@main
struct Bulletind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletind",
        abstract: "Turns newsletter digests into a searchable, topic-sorted archive with a daily summary.",
        discussion: """
        `bulletind run` is the inbox daemon; the other subcommands work on files and on the \
        database directly. Every subcommand accepts the same path options (--config, --inbox, \
        --archive, --quarantine, --database, --summaries, --rules) and uses the ones it needs.
        """,
        version: BulletindVersion.string,
        subcommands: [
            RunCommand.self, IngestCommand.self, SplitCommand.self, RulesCommand.self,
            ExplainCommand.self, StatsCommand.self, SearchCommand.self, ReclassifyCommand.self,
            SummaryCommand.self,
            DeliverCommand.self, CompletionsCommand.self,
        ]
    )
}
