/// One trimmed source line and what it is.
struct ClassifiedLine {
    enum Kind: Equatable {
        case blank
        /// A line of rule characters only (`---`, `* * *`, `___`, `====`): a visual break.
        case separator
        /// The `===` or `---` line under a Markdown setext heading.
        case underline
        case trailer
        case whyHeading
        case footer
        /// A Markdown heading (1...6) or bold line (`Segment.boldLevel`).
        case heading(Int)
        /// A list item; the associated value is the item text without its marker.
        case bullet(Substring)
        case text
    }

    /// The trimmed line as written.
    var text: Substring
    var kind: Kind
    /// The markup-free text, for structural lines and headings.
    var plain: String = ""

    /// Whether the line can take part in a multi-line paragraph.
    var isParagraphLine: Bool {
        switch kind {
        case .text, .bullet: true
        default: false
        }
    }

    var isBullet: Bool {
        if case .bullet = kind { return true }
        return false
    }
}
