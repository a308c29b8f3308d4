/// One unit of a bulletin after line classification and paragraph building: a paragraph
/// (or heading, or list item), or one of the structural lines.
struct Segment: Sendable {
    enum Kind: Sendable, Equatable {
        case paragraph
        /// A trailer line: a hard article end.
        case trailer
        /// A "why it matters" heading: the end of the body.
        case whyHeading
        /// A footer line (unsubscribe, copyright…): never part of an article.
        case footer
        /// Lines that hold nothing but markup (`**`, `#`, `[](url)`): no text for any article.
        case markupOnly
        /// A rule line (`---`, `* * *`): a soft delimiter between articles.
        case separator
    }

    /// What a configured front- or back-matter pattern says about a paragraph.
    enum Mark: Sendable, Equatable {
        case none
        /// Matches `house_patterns`: opens a house section (it and what follows, up to the
        /// next article, is skipped).
        case house
        /// Title-shaped but matches `caption_patterns`: never a title.
        case caption
    }

    /// Heading level of a plain paragraph (not a Markdown heading).
    static let plainLevel = 8
    /// Heading level of a Markdown line that is bold as a whole (`**Title**`).
    static let boldLevel = 7

    var kind: Kind
    /// The 0-based indices of the source lines this segment was made from.
    var lines: Range<Int>
    /// The front- or back-matter pattern the paragraph matches, if any.
    var mark: Mark = .none
    /// The text, trimmed, markup removed; list items start with "- ". A slice of the
    /// document's text when it is written there as it is (a line without markup), so the
    /// bulletin's paragraphs are not copied one by one; its own storage otherwise.
    var text: Substring
    /// 1...6 for `#` headings, `boldLevel` for a bold line, `plainLevel` otherwise.
    var level: Int = Segment.plainLevel
    var isBullet: Bool = false
    /// A numbered list item standing alone ("3. Title" with blank lines around): it may be
    /// a numbered title.
    var isNumbered: Bool = false
    /// Number of source lines joined into this paragraph (hard-wrapped text).
    var lineCount: Int = 1
    /// Whether the paragraph has the shape of a title (see `SegmentBuilder`).
    var isTitleCandidate: Bool = false
    /// Word count, exact for title candidates; capped above 25, or 0 (not counted) for a
    /// paragraph that fails the cheaper title tests (see `SegmentBuilder`).
    var wordCount: Int = 0

    var isHeading: Bool { level < Segment.plainLevel }

    /// A paragraph that can be body text: any paragraph that is not a title candidate.
    var isBodyLike: Bool { kind == .paragraph && !isTitleCandidate }

    /// Prose: a paragraph that is not a list item and reads like a sentence or more, as
    /// opposed to a link, a name, or a short label.
    var isProse: Bool {
        guard kind == .paragraph, !isBullet, !isTitleCandidate, !TextShape.isURL(text) else { return false }
        if text.utf8.count >= 200 { return true }
        let words = TextShape.wordCount(text, limit: 8)
        return words >= 8 || (words >= 4 && TextShape.endsSentence(text))
    }
}
