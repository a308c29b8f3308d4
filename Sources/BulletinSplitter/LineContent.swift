import BulletinReader

/// The text a trimmed line contributes to a paragraph, before inline Markdown is removed:
/// without its heading marks, whole-line bold marks or list marker — as `SegmentBuilder`
/// reads it.
enum LineContent {
    static func text(of line: Substring, markup: Markup) -> Substring {
        if markup == .markdown {
            if let heading = TextShape.markdownHeading(line) { return heading.text }
            if let bold = TextShape.boldLine(line) { return bold }
        }
        return TextShape.bulletItem(line) ?? line
    }
}
