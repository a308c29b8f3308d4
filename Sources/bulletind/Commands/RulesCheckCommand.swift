import ArgumentParser
import BulletinService
import BulletinClassifier

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules file; errors are printed as file:line:column: message.",
        discussion: "Without FILE, checks the rules file of the configuration. Exits 1 when there are errors."
    )

    @OptionGroup var paths: PathOptions

    @Argument(help: ArgumentHelp("The rules file (default: the configured one).", valueName: "file"))
    var file: String?

    func run() throws {
        let path = try file ?? paths.load().rules
        do {
            let taxonomy = try RulesLoader.load(path: path)
            print("\(path): \(taxonomy.topics.count) topics, no errors")
        } catch let error as RulesError {
            for diagnostic in error.diagnostics { Terminal.writeError("\(diagnostic)\n") }
            Terminal.writeError("\(path): \(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s")\n")
            throw ExitCode(1)
        }
    }
}
