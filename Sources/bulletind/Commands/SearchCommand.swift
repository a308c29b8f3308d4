import ArgumentParser
import Foundation
import BulletinService
import BulletinStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over stored articles, best matches first.",
        discussion: """
        QUERY: words (all must match), "quoted phrases", OR, NOT, and prefix* terms. \
        Matches in titles weigh most. Snippets show matches in [brackets].
        """
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: ArgumentHelp("Only articles with this topic id.", valueName: "topic-id"))
    var topic: String?

    @Option(help: ArgumentHelp("Only articles received on or after this day (YYYY-MM-DD, in the configured time zone).", valueName: "date"))
    var since: String?

    @Option(help: "At most this many results.")
    var limit = 20

    @Argument(help: "The query.")
    var query: [String]

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !query.isEmpty else { throw ValidationError("give a query, e.g. bulletind search 6G") }
    }

    func run() throws {
        let configuration = try paths.load()
        var sinceDate: Date?
        if let since {
            guard let day = LocalDay(string: since) else {
                throw ValidationError("--since takes a day as YYYY-MM-DD, not \"\(since)\"")
            }
            sinceDate = configuration.calendar.start(of: day)
        }
        let store = try Store(path: configuration.database)
        let hits: [SearchHit]
        do {
            hits = try store.search(SearchQuery(text: query.joined(separator: " "), topic: topic, since: sinceDate, limit: limit))
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
        if json {
            try JSONOutput.print(hits)
            return
        }
        if hits.isEmpty { print("no matches") }
        for hit in hits {
            let topics = hit.topics.isEmpty ? "unclassified" : hit.topics.joined(separator: ", ")
            print("#\(hit.articleID) \(hit.title)")
            print("    \(hit.snippet)")
            print("    topics: \(topics) · from: \(hit.bulletins.joined(separator: ", "))")
        }
    }
}
