import ArgumentParser
import BulletinService
import BulletinStore

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the SQLite archive into a PostgreSQL database (resumable; verifies the counts).",
        discussion: """
        Copies bulletins, articles, topics, duplicates, the filed state, the story clusters and the boilerplate memory \
        from the database the configuration names (a SQLite file) to --to. Run it again after an \
        interruption: what is already copied is skipped. The password comes from password_file, \
        PGPASSFILE or $CREDENTIALS_DIRECTORY, never from the address.
        """
    )

    @OptionGroup var paths: PathOptions

    @Option(name: .customLong("to"), help: "The target: postgresql://USER@HOST:PORT/DB?sslmode=…")
    var target: String

    func run() throws {
        // First: the lean bulletind hands the whole command to the binary that holds the
        // target's backend before it opens anything.
        guard let backend = try ArchiveServerBackends.backend(for: target, setting: "--to") else {
            throw CommandFailure("--to: \"\(target)\" is not a postgresql://USER@HOST:PORT/DB address")
        }
        let runtime = try paths.open(.existing)
        let database = runtime.configuration.database
        guard let source = runtime.store as? Store else {
            throw CommandFailure("migrate copies a SQLite archive: the database setting (\(database)) names a server")
        }
        let archive: any ArchiveImportTarget
        do {
            archive = try backend.migrationTarget(target, instance: "migrate:" + database)
        } catch let error as ArchiveLocationError {
            throw CommandFailure("--to: \(error)")
        } catch where backend.isUnreachable(error) {
            throw CommandFailure("\(error)")
        }
        let report = try ArchiveMigration(source: source, target: archive).run { done in
            Terminal.writeError("\rcopied \(done) bulletins…")
        }
        Terminal.writeError("\n")
        print("bulletins   \(report.bulletins) (\(report.copied) copied now, \(report.bulletins - report.copied) already there)")
        print("articles    \(report.articles)")
        print("links       \(report.links)")
        print("duplicates  \(report.duplicates)")
        print("stories     \(report.stories) (\(report.storiesCopied) copied now; \(report.storyArticles) articles)")
        print("verified: every bulletin, article link, duplicate and story of \(database) is in \(archive.location)")
    }
}
