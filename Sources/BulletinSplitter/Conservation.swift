import BulletinReader

/// The conservation invariant of `BulletinSplitter.analyse`: every non-blank line of the
/// document's text ends up in exactly one place — an article's title, body, why heading
/// or why section, or skipped with a reason — and the articles hold exactly the text of
/// the lines given to them, in order: nothing lost, nothing twice, nothing invented.
///
/// Text is compared by its letters and digits only (markup, list markers, spacing and
/// punctuation added or removed by the splitter do not count).
public enum Conservation {
    /// The ways `result` breaks the invariant for `document`; empty when it holds.
    public static func violations(of result: SplitResult, in document: Document) -> [String] {
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard result.lines.count == lines.count else {
            return ["line map has \(result.lines.count) entries for \(lines.count) lines"]
        }
        var problems: [String] = []
        var expected = [FieldText](repeating: FieldText(), count: result.articles.count)
        var titleLines = [Int](repeating: 0, count: result.articles.count)
        var group: [Substring] = []
        var groupRole = LineRole.blank

        func flushGroup() {
            defer { group.removeAll() }
            guard let article = groupRole.article, (1...result.articles.count).contains(article) else { return }
            var joined = group.map { LineContent.text(of: $0, markup: document.markup) }.joined(separator: " ")
            if document.markup == .markdown { joined = InlineMarkdown.plainText(joined) }
            switch groupRole {
            case .title: expected[article - 1].title += letters(joined)
            case .body: expected[article - 1].body += letters(joined)
            case .why: expected[article - 1].why += letters(joined)
            default: break
            }
        }

        for (offset, line) in lines.enumerated() {
            let role = result.lines[offset].role
            let isBlank = TextShape.trimmed(line).isEmpty
            if isBlank != (role == .blank) {
                problems.append("line \(offset + 1) is \(isBlank ? "blank" : "not blank") but mapped as \(role.name): \(line.prefix(80))")
            }
            if let article = role.article, !(1...max(1, result.articles.count)).contains(article) || result.articles.isEmpty {
                problems.append("line \(offset + 1) is mapped to article \(article), which does not exist")
            }
            if case .title(let article) = role, (1...result.articles.count).contains(article) { titleLines[article - 1] += 1 }
            if role != groupRole || isBlank || result.lines[offset].startsParagraph { flushGroup() }
            groupRole = role
            if !isBlank { group.append(TextShape.trimmed(line)) }
        }
        flushGroup()

        for (index, article) in result.articles.enumerated() {
            let position = index + 1
            if titleLines[index] == 0 { problems.append("article \(position) has no title line") }
            if letters(article.title) != expected[index].title {
                problems.append("article \(position) title \"\(article.title.prefix(60))\" is not the text of its title lines")
            }
            if letters(article.body) != expected[index].body {
                problems.append("article \(position) body is not the text of its body lines (lost or doubled text)")
            }
            if letters(article.why ?? "") != expected[index].why {
                problems.append("article \(position) why section is not the text of its why lines (lost or doubled text)")
            }
        }
        return problems
    }

    private struct FieldText {
        var title = ""
        var body = ""
        var why = ""
    }

    private static func letters(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            result.append(scalar)
        }
        return String(result)
    }
}
