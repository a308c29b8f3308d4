import ArgumentParser
import Foundation
import BulletinService
import BulletinStore
import BulletinPostgres

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
        let runtime = try paths.open(.existing)
        let database = runtime.configuration.database
        guard let source = runtime.store as? Store else {
            throw CommandFailure("migrate copies a SQLite archive: the database setting (\(database)) names a server")
        }
        let archive: PostgresArchive
        do {
            archive = try PostgresArchive(address: PostgresAddress(target), instance: "migrate:" + database)
        } catch let error as PostgresSettingError {
            throw CommandFailure("--to: \(error.description.replacingOccurrences(of: "database: ", with: ""))")
        } catch let error as PostgresUnavailable {
            throw CommandFailure(error.description)
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
        print("verified: every bulletin, article link, duplicate and story of \(database) is in \(archive.address)")
    }
}
