import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService
import BulletinStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over stored articles, best matches first.",
        discussion: """
        QUERY syntax (quote the query for the shell):
          data centre        all the words, anywhere in title, body or why it matters
          "data centre"      a phrase: the words side by side, in this order
          regul*             a prefix: regulation, regulatory, … ("data cent"* too)
          privacy OR cookie  either one (OR binds loosest)
          AI NOT military    the first without the second (NOT binds tightest)
          AI AND ethics      the same as AI ethics (AND NOT is the same as NOT)
          (AI OR robot*) NOT "data centre"
                             parentheses group
        Operators are upper case; a lower-case or, and, not is an ordinary word. Case and \
        accents never matter (Zürich finds zurich). Punctuation separates words as it does in \
        the text (e-mail finds "e mail"); words without a letter or digit are ignored. There is \
        no field:value syntax (title:x searches for the words title and x side by side): filter \
        with --topic and --since instead.

        Matches in titles weigh most; a query matching more than 5,000 articles is ranked among \
        its newest 5,000 matches. Snippets show matches in [brackets]. JSON: docs/JSON.md.

        Exit status, as grep's: 0 when something matched, 1 when nothing did (standard output \
        then holds nothing, or [] with --json), 2 on an error (an invalid query, no database), \
        64 on a usage error.
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
        if let since, LocalDay(string: since) == nil {
            throw ValidationError("--since takes a day as YYYY-MM-DD, not \"\(since)\"")
        }
    }

    /// Exit status 0 with matches, 1 without, 2 on any error (grep's convention).
    func run() throws {
        let hits: [SearchHit]
        do {
            hits = try search()
        } catch {
            Terminal.writeError("Error: \(error)\n")
            throw ExitCode(2)
        }
        if json {
            try JSONOutput.print(hits)
        } else if hits.isEmpty {
            Terminal.writeError("no matches\n")
        }
        for hit in json ? [] : hits {
            let topics = hit.topics.isEmpty ? "unclassified" : hit.topics.joined(separator: ", ")
            print("#\(hit.articleID) \(hit.title)")
            print("    \(hit.snippet)")
            print("    topics: \(topics) · from: \(hit.bulletins.joined(separator: ", "))")
        }
        if hits.isEmpty { throw ExitCode(1) }
    }

    private func search() throws -> [SearchHit] {
        let runtime = try paths.open(.existing)
        let sinceDate = since.flatMap(LocalDay.init(string:)).map(runtime.configuration.calendar.start(of:))
        let store = runtime.store
        do {
            return try store.search(SearchQuery(text: query.joined(separator: " "), topic: topic, since: sinceDate, limit: limit))
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }
}
