import ArgumentParser
import BulletinService

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inbox and ingest every bulletin dropped into it (the daemon; runs in the foreground)."
    )

    @OptionGroup var paths: PathOptions

    func run() throws {
        // Wired to the daemon once it lands.
        _ = try paths.load()
    }
}
