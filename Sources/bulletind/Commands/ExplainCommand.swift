import ArgumentParser
import BulletinService
import BulletinStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a stored article got each of its topics: score and the terms that matched."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: ArgumentHelp("The article's id (as printed by search).", valueName: "article-id"))
    var articleID: Int64

    func run() throws {
        let runtime = try paths.open(.existing)
        let configuration = runtime.configuration
        let store = runtime.store
        guard let explanation = try store.explain(articleID: articleID) else {
            throw CommandFailure("no article with id \(articleID)")
        }
        if json {
            try JSONOutput.print(explanation)
            return
        }
        print("#\(explanation.articleID) \(explanation.title)")
        print("  from: \(explanation.bulletins.joined(separator: ", "))")
        if let story = explanation.story {
            let size = story.articles == 1 ? "1 article" : "\(story.articles) articles"
            print("  story: #\(story.id) · \(size) since \(configuration.calendar.day(containing: story.firstSeen))")
        }
        if explanation.topics.isEmpty { print("  unclassified: no topic's rule reached its threshold") }
        for topic in explanation.topics {
            print("  \(topic.name) [\(topic.id)] score \(TextFormat.printf("%.1f", topic.score))")
            print("    matched: \(topic.matchedTerms.joined(separator: ", "))")
        }
    }
}
