import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check topic rules and try them on bulletins.",
        subcommands: [RulesCheckCommand.self, RulesTestCommand.self]
    )
}
