import ArgumentParser
import BulletinService
#if canImport(Glibc)
import Glibc
#endif

/// The command line (both executables run it: `BulletindCommandLine`).
struct Bulletind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletind",
        abstract: "Turns newsletter digests into a searchable, topic-sorted archive with a daily summary.",
        discussion: """
        `bulletind run` is the inbox daemon; the other subcommands work on files and on the \
        database directly. Every subcommand accepts the same path options (--config, --inbox, \
        --archive, --quarantine, --database, --summaries, --rules) and uses the ones it needs. \
        `bulletind version` prints the version. JSON outputs: docs/JSON.md. A PostgreSQL \
        database (postgresql://…) is served by bulletind-postgresql, installed beside bulletind: \
        bulletind runs it in its place, with the same arguments.
        """,
        version: BulletindVersion.string,
        subcommands: [
            RunCommand.self, IngestCommand.self, SplitCommand.self, RulesCommand.self,
            ExplainCommand.self, StatsCommand.self, SearchCommand.self, ReclassifyCommand.self,
            SummaryCommand.self, StatusCommand.self, MigrateCommand.self,
            DeliverCommand.self, CompletionsCommand.self,
        ]
    )

    /// ArgumentParser's `main`, after `SubcommandGuide` has looked at the subcommand words.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch SubcommandGuide.check(arguments, root: Bulletind.self) {
        case .proceed:
            main(arguments)
        case .version:
            print(BulletindVersion.string)
        case let .unknown(message, command):
            Terminal.writeError("Error: \(message)\n")
            Terminal.writeError("Usage: " + usage(for: command) + "\n  See '\(command.joined(separator: " ")) --help' for more information.\n")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// The usage line of the command named by `path` (`["bulletind", "rules"]`).
    private static func usage(for path: [String]) -> String {
        var command: ParsableCommand.Type = Bulletind.self
        for name in path.dropFirst() {
            guard let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == name }) else { break }
            command = next
        }
        return usageString(for: command)
    }
}
