import ArgumentParser
import BulletinService
import BulletinStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts: bulletins, articles, duplicates, unclassified, and articles per topic."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON with bulletins, articles, duplicates, unclassified and topics.")
    var json = false

    func run() throws {
        let stats = try paths.open(.existing).store.stats()
        if json {
            try JSONOutput.print(stats)
            return
        }
        print("bulletins     \(stats.bulletins)")
        print("articles      \(stats.articles)")
        print("duplicates    \(stats.duplicates)")
        print("unclassified  \(stats.unclassified)")
        print("topics:")
        let width = stats.topics.map { $0.articles.description.count }.max() ?? 1
        for topic in stats.topics {
            let count = String(repeating: " ", count: width - topic.articles.description.count) + topic.articles.description
            print("  \(count)  \(topic.name) [\(topic.id)]")
        }
    }
}
