/// Whether a document's text is hard-wrapped, and at what width.
///
/// Looks at every line that is followed by a text line in the same block (the lines
/// that would be joined if the text were wrapped). The text counts as hard-wrapped when
/// there are at least three such lines, their width (90th percentile of their lengths)
/// is between 30 and 160 characters, at least 60% of them are "full" (≥ 65% of that
/// width), at least half do not end like a sentence, and at least 20% of the lines after
/// them start with a lower-case letter. Lines of one-paragraph-per-line
/// text are long and end in punctuation, so they fail the test.
struct WrapLayout {
    private static let longest = 400
    private static let widthRange = 30...160
    /// Wrapped prose goes on mid-sentence: a good share of continuation lines start in
    /// lower case. A list of titles (a table of contents) never does.
    private static let lowercaseNextTenths = 2

    /// The wrap width, or nil when every line is its own paragraph.
    let width: Int?

    init(lines: [ClassifiedLine]) {
        var histogram = [Int](repeating: 0, count: Self.longest + 2)
        var count = 0
        var openEnded = 0
        var lowercaseNext = 0
        for (index, line) in lines.enumerated() where line.isParagraphLine {
            guard index + 1 < lines.count, case .text = lines[index + 1].kind else { continue }
            histogram[TextShape.length(line.text, limit: Self.longest)] += 1
            count += 1
            if !TextShape.endsSentence(line.text) { openEnded += 1 }
            if lines[index + 1].text.unicodeScalars.first?.properties.isLowercase == true { lowercaseNext += 1 }
        }
        guard count >= 3, openEnded * 2 >= count, lowercaseNext * 10 >= count * Self.lowercaseNextTenths else {
            width = nil
            return
        }
        // 90th percentile of the lengths.
        var seen = 0
        var percentile = 0
        for (length, lines) in histogram.enumerated() {
            seen += lines
            if seen * 10 >= count * 9 {
                percentile = length
                break
            }
        }
        guard Self.widthRange.contains(percentile) else {
            width = nil
            return
        }
        let full = histogram[Self.fullLength(percentile)...].reduce(0, +)
        width = full * 10 >= count * 6 ? percentile : nil
    }

    /// Whether `line` continues into the next text line (it is a full wrapped line).
    func continues(_ line: ClassifiedLine) -> Bool {
        guard let width else { return false }
        return TextShape.length(line.text, limit: Self.longest) >= Self.fullLength(width)
    }

    private static func fullLength(_ width: Int) -> Int {
        (width * 65 + 99) / 100
    }
}
