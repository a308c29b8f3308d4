import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Is the daemon running and healthy: backlog, last bulletin, today's counts, quarantine, reloads, errors.",
        discussion: """
        Reads the state file the daemon keeps (/run/bulletind/state.json under systemd, else \
        bulletind.state.json beside the database) and looks at the inbox, the quarantine and the \
        database itself. Works as the daemon's user and as a member of the drop group (who sees \
        the quarantine's count from the state file). Exit status: 0 healthy; 1 degraded (the \
        oldest file in the inbox has waited longer than --max-backlog-age, taking files is \
        paused, the last reload failed, or an error happened in the last hour); 3 not running; \
        4 when the configuration cannot be read.
        """
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON (docs/JSON.md, status --json).")
    var json = false

    @Option(help: ArgumentHelp("Degraded when a file has waited in the inbox longer than this.", valueName: "minutes"))
    var maxBacklogAge: Double = 10

    func validate() throws {
        guard maxBacklogAge > 0 else { throw ValidationError("--max-backlog-age must be a positive number of minutes") }
    }

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try paths.load()
        } catch {
            Terminal.writeError("Error: \(error)\n")
            throw ExitCode(4)
        }
        let now = Date()
        let report = StatusReport.make(StatusProbe.observe(
            inbox: configuration.inbox, quarantine: configuration.quarantine, database: configuration.database,
            rules: configuration.rules, ignore: IgnoreRules(patterns: configuration.ignore)), now: now, maxBacklogAge: maxBacklogAge * 60)
        if json {
            try JSONOutput.print(report)
        } else {
            print(report.text(now: now))
        }
        throw ExitCode(report.health.exitCode)
    }
}
