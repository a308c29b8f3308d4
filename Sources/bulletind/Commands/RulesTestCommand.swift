import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService
import BulletinClassifier
import BulletinSplitter
import BulletinStore
import BulletinModel

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Show the topics each article of bulletin files would get, and why, storing nothing.",
        discussion: "Exits 1 when a file cannot be read or split. JSON: docs/JSON.md."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: ArgumentHelp("Bulletin files.", valueName: "file"))
    var files: [String]

    /// A topic is written as `explain --json` writes it: `id`, `name`, `score`, `matchedTerms`.
    struct ArticleResult: Encodable {
        var position: Int
        var title: String
        var topics: [ExplainedTopic]
    }

    struct FileResult: Encodable {
        var file: String
        var error: String?
        var articles: [ArticleResult]
    }

    func run() throws {
        let configuration = try paths.load()
        let analyser = try BulletinAnalyser(configuration: configuration)
        let names = Dictionary(analyser.classifier.taxonomy.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var results: [FileResult] = []
        for file in files {
            let data: Data
            switch InputFile.read(file) {
            case .success(let bytes): data = bytes
            case .failure(let error):
                results.append(FileResult(file: file, error: error.description, articles: []))
                continue
            }
            switch analyser.analyse(data, fileName: InputFile.name(of: file)) {
            case .success(let analysis):
                results.append(FileResult(file: file, articles: analysis.articles.map {
                    ArticleResult(position: $0.article.position, title: $0.article.title, topics: $0.topics.map {
                        ExplainedTopic(id: $0.topicID, name: names[$0.topicID] ?? $0.topicID, score: $0.score, matchedTerms: $0.matchedTerms)
                    })
                }))
            case .failure(let rejection):
                results.append(FileResult(file: file, error: rejection.reason, articles: []))
            }
        }
        if json {
            try JSONOutput.print(results)
        } else {
            for result in results {
                print("\(result.file):\(result.error.map { " \($0)" } ?? "")")
                for article in result.articles {
                    print(TextFormat.printf("%3ld. ", article.position) + article.title)
                    if article.topics.isEmpty { print("     unclassified") }
                    for topic in article.topics {
                        let score = TextFormat.printf("%.1f", topic.score)
                        print("     → \(topic.name) [\(topic.id)] score \(score): \(topic.matchedTerms.joined(separator: ", "))")
                    }
                }
            }
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
