import BulletinClassifier
import BulletinReader
import BulletinSplitter
import BulletinSummary
import Foundation

/// One execution: bytes and a file name through reader → splitter → classifier → summary,
/// checking what each stage documents a caller may rely on. Returns a coarse signature of
/// the behaviour (format or error, encoding, article counts…) used to keep interesting
/// inputs in the corpus; a broken guarantee is returned as a `violation`.
struct FuzzHarness {
    let reader = BulletinReader()
    let splitter: BulletinSplitter
    let classifier: Classifier

    struct Result {
        var signature: String
        var violation: String?
    }

    func run(_ bytes: [UInt8], fileName: String, checkDeterminism: Bool) -> Result {
        let document: Document
        do {
            document = try reader.read(Data(bytes), fileName: fileName)
        } catch {
            let kind: String
            switch error {
            case .empty: kind = "empty"
            case .notText(let why): kind = "notText:\(why.prefix(24))"
            case .malformedEmail(let why): kind = "malformed:\(why.prefix(24))"
            }
            if error.description.contains("\n") {
                return Result(signature: kind, violation: "ReadError description is not one line: \(error.description)")
            }
            return Result(signature: kind, violation: nil)
        }
        if let problem = Self.documentProblem(document) {
            return Result(signature: "bad-document", violation: "Document guarantee broken: \(problem)")
        }
        let split = splitter.analyse(document)
        let articles = split.articles
        if let problem = Conservation.violations(of: split, in: document).first {
            return Result(signature: "bad-conservation", violation: "Conservation broken: \(problem)")
        }
        if let problem = Self.articlesProblem(articles) {
            return Result(signature: "bad-articles", violation: "Article guarantee broken: \(problem)")
        }
        if checkDeterminism {
            let again = try? reader.read(Data(bytes), fileName: fileName)
            if again != document { return Result(signature: "nondeterministic", violation: "reader is not deterministic") }
            if splitter.analyse(document) != split {
                return Result(signature: "nondeterministic", violation: "splitter is not deterministic")
            }
        }
        var summaryArticles: [SummaryArticle] = []
        var topicCount = 0
        for article in articles {
            let matches = classifier.classify(article)
            topicCount += matches.count
            if let bad = matches.first(where: { !$0.score.isFinite }) {
                return Result(signature: "bad-score", violation: "topic \(bad.topicID) has score \(bad.score)")
            }
            summaryArticles.append(SummaryArticle(
                articleID: Int64(article.position), title: article.title, body: article.body, why: article.why,
                topics: matches.map { SummaryTopic(id: $0.topicID, name: $0.topicID) }, sources: [fileName]))
            let escaped = MarkdownEscaper.inline(article.title)
            if let problem = Self.escapeProblem(escaped) {
                return Result(signature: "bad-escape", violation: "MarkdownEscaper.inline(\(article.title.debugDescription.prefix(200))) = \(escaped.debugDescription.prefix(200)): \(problem)")
            }
        }
        let summary = DaySummaryBuilder.build(date: "2026-11-29", timeZone: "UTC", generatedAt: "2026-11-29T08:00:00Z",
                                              bulletins: 1, articles: summaryArticles)
        let markdown = SummaryRenderer.markdown(summary)
        if markdown.contains("<") { return Result(signature: "bad-summary", violation: "summary Markdown contains a raw '<'") }
        if (try? JSONSerialization.jsonObject(with: SummaryRenderer.json(summary))) == nil {
            return Result(signature: "bad-summary", violation: "summary JSON does not parse")
        }
        let withWhy = articles.filter { $0.why != nil }.count
        let lines = document.text.utf8.lazy.filter { $0 == 0x0A }.count
        return Result(
            signature: "\(document.format.rawValue)/\(document.encoding)/\(document.title == nil ? "-" : "t")/a\(Self.bucket(articles.count))/w\(Self.bucket(withWhy))/c\(Self.bucket(topicCount))/l\(Self.bucket(lines))",
            violation: nil)
    }

    /// 0, 1, 2, 3-4, 5-8, … so the signature stays coarse.
    static func bucket(_ n: Int) -> Int { n <= 2 ? n : Int.bitWidth - (n - 1).leadingZeroBitCount + 1 }

    /// The guarantees `Document` documents for `text`.
    static func documentProblem(_ document: Document) -> String? {
        let text = document.text
        if text.isEmpty { return "empty text" }
        if text.hasPrefix("\n") || text.hasSuffix("\n") { return "leading or trailing newline" }
        if text.contains("\n\n\n") { return "two blank lines in a row" }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", " ": continue
            case "\u{FEFF}": return "BOM in text"
            case "\u{200B}": return "zero-width space in text"
            default:
                switch scalar.properties.generalCategory {
                case .control: return "control character U+\(String(scalar.value, radix: 16, uppercase: true))"
                case .spaceSeparator: return "Unicode space U+\(String(scalar.value, radix: 16, uppercase: true)) not turned into ' '"
                default: continue
                }
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.last == " " {
            return "trailing whitespace on a line"
        }
        return nil
    }

    /// Positions 1...n; titles trimmed, on one line, not empty.
    static func articlesProblem(_ articles: [Article]) -> String? {
        for (index, article) in articles.enumerated() {
            if article.position != index + 1 { return "article \(index + 1) has position \(article.position)" }
            if article.title.isEmpty { return "article \(index + 1) has an empty title" }
            if article.title.contains("\n") { return "article \(index + 1) has a title on several lines" }
            if article.title.first == " " || article.title.last == " " { return "article \(index + 1) title not trimmed" }
            if article.body.contains("\n\n\n") || (article.why?.contains("\n\n\n") ?? false) {
                return "article \(index + 1) has paragraphs separated by more than one blank line"
            }
        }
        return nil
    }

    /// One line; no `<`, `>`; every `[`, `]` escaped.
    static func escapeProblem(_ escaped: String) -> String? {
        if escaped.contains("\n") { return "not one line" }
        if escaped.contains("<") || escaped.contains(">") { return "raw angle bracket" }
        var backslashes = 0
        for scalar in escaped.unicodeScalars {
            if (scalar == "[" || scalar == "]"), backslashes % 2 == 0 { return "unescaped bracket" }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
        return nil
    }
}
