import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService
import BulletinSplitter
import BulletinReader

struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Print the articles of bulletin files, without touching the database.",
        discussion: """
            --explain prints every line of the decoded text with what it became (title, body, \
            why-heading, why, or the reason it is in no article) and the rule that decided it: \
            the starting point for writing a [[layout]] (see the README).
            """
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON: [{file, format, encoding, title, layout, articles: [{title, body, why, position}], skipped: [{line, text, as}]}].")
    var json = false

    @Flag(help: "Print every line of the decoded text with what it became and why.")
    var explain = false

    @Argument(help: ArgumentHelp("Bulletin files.", valueName: "file"))
    var files: [String]

    struct FileResult: Encodable {
        var file: String
        var format: String?
        var encoding: String?
        var title: String?
        var layout: String?
        var error: String?
        var articles: [ArticleOutput]
        var skipped: [SkippedLine]
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

    /// A line in no article: 1-based line number in the decoded text, the line as
    /// written, and the part of the bulletin it belongs to.
    struct SkippedLine: Encodable {
        var line: Int
        var text: String
        var `as`: String
    }

    func run() throws {
        let parser = try BulletinParser(configuration: paths.load())
        var results: [FileResult] = []
        for file in files {
            let data: Data
            switch InputFile.read(file) {
            case .success(let bytes): data = bytes
            case .failure(let error):
                results.append(FileResult(file: file, error: error.description, articles: [], skipped: []))
                continue
            }
            switch parser.analyse(data, fileName: InputFile.name(of: file)) {
            case .success(let parsed):
                let lines = parsed.document.text.split(separator: "\n", omittingEmptySubsequences: false)
                if explain { printExplanation(file: file, parsed: parsed, lines: lines) }
                let skipped = parsed.lines.enumerated().compactMap { offset, fate -> SkippedLine? in
                    guard case .skipped(let reason) = fate.role else { return nil }
                    return SkippedLine(line: offset + 1, text: String(lines[offset]), as: reason.rawValue)
                }
                results.append(FileResult(
                    file: file, format: parsed.document.format.rawValue, encoding: parsed.document.encoding,
                    title: parsed.document.title, layout: parsed.layout,
                    error: parsed.articles.isEmpty ? "no articles found: no title followed by body text was recognised" : nil,
                    articles: parsed.articles.map(ArticleOutput.init), skipped: skipped))
            case .failure(let rejection):
                results.append(FileResult(file: file, error: rejection.reason, articles: [], skipped: []))
            }
        }
        if json {
            try JSONOutput.print(results)
        } else if !explain {
            for result in results { printText(result) }
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }

    private func printExplanation(file: String, parsed: ParsedBulletin, lines: [Substring]) {
        var output = "\(file): \(parsed.document.format.rawValue), \(parsed.document.markup.rawValue), "
            + "layout \(parsed.layout ?? "default"), \(parsed.articles.count) articles\n"
        for (offset, fate) in parsed.lines.enumerated() where fate.role != .blank {
            let article = fate.role.article.map { "#\($0)" } ?? ""
            let text = lines[offset].count > 72 ? lines[offset].prefix(71) + "…" : lines[offset]
            let number = String(offset + 1)
            let role = fate.role.name + (article.isEmpty ? "" : " " + article)
            output += String(repeating: " ", count: max(0, 5 - number.count)) + number + "  "
                + role + String(repeating: " ", count: max(0, 15 - role.count)) + " " + text + "\n"
                + String(repeating: " ", count: 23) + "← " + fate.reason.description + "\n"
        }
        if json { Terminal.writeError(output) } else { Terminal.writeOutput(output.utf8) }
    }

    private func printText(_ result: FileResult) {
        if let error = result.error, result.articles.isEmpty {
            print("\(result.file): \(error)")
            return
        }
        print("\(result.file): \(result.format ?? "?"), \(result.encoding ?? "?"), \(result.articles.count) articles")
        for article in result.articles.map(\.article) {
            let words = article.body.split(whereSeparator: \.isWhitespace).count
            let why = article.why.map { " · why it matters: \($0.split(whereSeparator: \.isWhitespace).count) words" } ?? ""
            print(TextFormat.printf("%3ld. ", article.position) + article.title)
            print("     \(words) words\(why)")
        }
        if !result.skipped.isEmpty {
            var counts: [String: Int] = [:]
            for line in result.skipped { counts[line.as, default: 0] += 1 }
            print("     skipped: " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
    }
}
