import ArgumentParser
import Foundation
import BulletinService
import BulletinSplitter

struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Print the articles of bulletin files, without touching the database."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON: [{file, format, encoding, articles: [{title, body, why, position}]}].")
    var json = false

    @Argument(help: ArgumentHelp("Bulletin files.", valueName: "file"))
    var files: [String]

    struct FileResult: Encodable {
        var file: String
        var format: String?
        var encoding: String?
        var title: String?
        var error: String?
        var articles: [ArticleOutput]
    }

    /// An article as scripts read it: `why` is always there, null when the article has none.
    struct ArticleOutput: Encodable {
        var article: Article
        enum CodingKeys: String, CodingKey { case title, body, why, position }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article.title, forKey: .title)
            try container.encode(article.body, forKey: .body)
            try container.encode(article.why, forKey: .why)
            try container.encode(article.position, forKey: .position)
        }
    }

    func run() throws {
        let parser = try BulletinParser(configuration: paths.load())
        var results: [FileResult] = []
        for file in files {
            let data: Data
            switch InputFile.read(file) {
            case .success(let bytes): data = bytes
            case .failure(let error):
                results.append(FileResult(file: file, error: error.description, articles: []))
                continue
            }
            switch parser.parse(data, fileName: (file as NSString).lastPathComponent) {
            case .success(let parsed):
                results.append(FileResult(file: file, format: parsed.document.format.rawValue,
                                          encoding: parsed.document.encoding, title: parsed.document.title,
                                          articles: parsed.articles.map(ArticleOutput.init)))
            case .failure(let rejection):
                results.append(FileResult(file: file, error: rejection.reason, articles: []))
            }
        }
        if json {
            try JSONOutput.print(results)
        } else {
            for result in results { printText(result) }
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }

    private func printText(_ result: FileResult) {
        if let error = result.error {
            print("\(result.file): \(error)")
            return
        }
        print("\(result.file): \(result.format ?? "?"), \(result.encoding ?? "?"), \(result.articles.count) articles")
        for article in result.articles.map(\.article) {
            let words = article.body.split(whereSeparator: \.isWhitespace).count
            let why = article.why.map { " · why it matters: \($0.split(whereSeparator: \.isWhitespace).count) words" } ?? ""
            print(String(format: "%3d. ", article.position) + article.title)
            print("     \(words) words\(why)")
        }
    }
}
