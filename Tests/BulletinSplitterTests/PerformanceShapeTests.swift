import Testing
import BulletinReader
@testable import BulletinSplitter

/// Large inputs must complete with a sensible result (no timing assertions).
@Suite struct PerformanceShapeTests {
    let splitter: BulletinSplitter

    init() throws {
        splitter = try BulletinSplitter()
    }

    static func document(_ text: String, markup: Markup = .plain) -> Document {
        Document(format: .text, encoding: "utf-8", markup: markup, text: text)
    }

    @Test(arguments: ["\n\n", "\n"])
    func hundredThousandOneLineParagraphs(separator: String) {
        var lines = ["Lakeland publishes a very long report on everything digital"]
        lines.reserveCapacity(100_001)
        for number in 1...100_000 {
            lines.append("Paragraph \(number) of the report describes one more finding in some detail.")
        }
        let articles = splitter.checkedSplit(Self.document(lines.joined(separator: separator)))
        #expect(articles.count == 1)
        #expect(articles.first?.body.components(separatedBy: "\n\n").count == 100_000)
    }

    @Test func twentyThousandArticles() {
        var text = ""
        for number in 1...20_000 {
            text += "Item \(number) of a long digest about digital policy\n\n"
            text += "Body of item \(number), written as a complete sentence for the test.\n\n"
            text += "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!\n\n"
        }
        let articles = splitter.checkedSplit(Self.document(text))
        #expect(articles.count == 20_000)
        #expect(articles.last?.title == "Item 20000 of a long digest about digital policy")
        #expect(articles.last?.position == 20_000)
    }

    @Test(arguments: [Markup.plain, .markdown])
    func singleTenMegabyteLine(markup: Markup) {
        let line = String(repeating: "word [a](b ", count: 1_000_000)
        #expect(line.utf8.count >= 10_000_000)
        #expect(splitter.checkedSplit(Self.document(line, markup: markup)).isEmpty)
        let articles = splitter.checkedSplit(Self.document("Northland writes a very long law\n\n" + line + ".", markup: markup))
        #expect(articles.count == 1)
        #expect((articles.first?.body.utf8.count ?? 0) > 5_000_000)
    }

    @Test func tenMegabytesOfOpeningBrackets() {
        let text = "Eastvale tests a bracket parser\n\n" + String(repeating: "[a](", count: 2_500_000)
        let articles = splitter.checkedSplit(Self.document(text, markup: .markdown))
        #expect(articles.count == 1)
    }

    // MARK: Hostile shapes (issue 4): each must give its plain outcome, in time linear in
    // its size (measured by hand in release, see the commit messages; never asserted here).

    @Test func manyOneLineParagraphsWithoutATitleAreNoArticle() {
        let text = (0..<20_000).map { "Paragraph \($0) is one line." }.joined(separator: "\n\n")
        #expect(splitter.checkedSplit(Self.document(text)).isEmpty)
        let titled = splitter.checkedSplit(Self.document("Southport lists every finding of its audit\n\n" + text))
        #expect(titled.map(\.title) == ["Southport lists every finding of its audit"])
        #expect(titled.first?.body.components(separatedBy: "\n\n").last == "Paragraph 19999 is one line.")
    }

    @Test(arguments: ["\n\n", "\n"])
    func manyOneWordParagraphsAreNoArticle(separator: String) {
        let capitalised = (0..<20_000).map { "Word\($0)" }.joined(separator: separator)
        #expect(splitter.checkedSplit(Self.document(capitalised)).isEmpty)
        let lower = (0..<20_000).map { "word\($0)" }.joined(separator: separator)
        #expect(splitter.checkedSplit(Self.document(lower)).isEmpty)
    }

    @Test func manyShortTitleAndBodyLinesWithoutBlankLines() {
        var lines: [String] = []
        for number in 1...5_000 {
            lines.append("Report \(number) on regional network policy")
            lines.append("Body of report \(number) explains in one complete sentence what the regulator decided today.")
        }
        let articles = splitter.checkedSplit(Self.document(lines.joined(separator: "\n")))
        #expect(articles.count == 5_000)
        #expect(articles.last?.title == "Report 5000 on regional network policy")
        #expect(articles.last?.body == "Body of report 5000 explains in one complete sentence what the regulator decided today.")
    }

    @Test func aMegabyteOfIndentationBeforeABodyLine() {
        let text = "Westmark tests a very wide indentation\n\n" + String(repeating: " ", count: 1_000_000)
            + "The body is one sentence after the indentation."
        let articles = splitter.checkedSplit(Self.document(text))
        #expect(articles.map(\.title) == ["Westmark tests a very wide indentation"])
        #expect(articles.first?.body == "The body is one sentence after the indentation.")
    }

    @Test func aMegabyteLongTrailerLikeLineIsBodyText() {
        let line = "Would you like to learn more about " + String(repeating: "digital ", count: 125_000) + "? If so, ask our chatbot!"
        let articles = splitter.checkedSplit(Self.document("Northland writes about trailers\n\n" + line))
        #expect(articles.count == 1)
        #expect(articles.first?.body == line)
    }
}
