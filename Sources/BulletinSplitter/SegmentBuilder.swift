import BulletinReader

/// Turns a document's text into `Segment`s.
///
/// Heuristics, in order:
/// 1. Each line is trimmed and classified: blank, trailer, why heading, footer (by the
///    configured patterns, matched on the markup-free line), Markdown heading or bold
///    line (Markdown only), list item, or text.
/// 2. Blank lines and structural lines (trailer, why heading, footer, heading) always
///    separate paragraphs — so a trailer or heading glued to a paragraph without a blank
///    line is still recognised.
/// 3. Runs of consecutive text lines are either hard-wrapped paragraphs or one paragraph
///    per line. The decision is made once per document from the non-final lines of all
///    runs (`WrapLayout`): when they look wrapped, a line joins the next one (with a
///    space) while it is "full" (at least 65% of the wrap width); a short line ends its
///    paragraph. Otherwise every line is its own paragraph.
///    A paragraph joined from several wrapped lines is matched again as a whole, so a
///    trailer wrapped over two lines is still a trailer.
/// 4. A paragraph is a title candidate when it comes from at most three (wrapped) lines,
///    is not a list item, caption (configured patterns) or bare URL, holds a letter, has
///    at most 200 characters and 25 words, does not end in `.`, `,`, `;` or `:`, and
///    (unless it is a Markdown heading) does not start with a lowercase word.
struct SegmentBuilder {
    static let maximumTitleLength = 200
    static let maximumTitleWords = 25
    /// A long title in hard-wrapped text may itself be wrapped.
    static let maximumTitleLines = 3
    /// Longer paragraphs are not matched against masthead and house patterns.
    static let maximumMarkedLength = 200

    let patterns: CompiledPatterns
    let markup: Markup

    private var trailers: LinePatternSet { patterns.trailers }
    private var whyHeadings: LinePatternSet { patterns.whyHeadings }
    private var footers: LinePatternSet { patterns.footers }
    private var captions: LinePatternSet { patterns.captions }

    /// The segments in order. Every non-blank line belongs to exactly one segment
    /// (`Segment.lines`); lines with nothing but markup form `.markupOnly` segments.
    func segments(of text: String) -> (segments: [Segment], lineCount: Int) {
        let lines = classifiedLines(of: text)
        let layout = WrapLayout(lines: lines)
        var segments: [Segment] = []
        var paragraphLines: [Substring] = []
        var paragraphStart = 0
        var paragraphIsBullet = false

        func flush() {
            guard !paragraphLines.isEmpty else { return }
            let range = paragraphStart..<(paragraphStart + paragraphLines.count)
            // A paragraph of one line is a slice of the document's text unless markup is removed;
            // one joined from several lines has its own storage.
            let joined = paragraphLines.count == 1 ? paragraphLines[0] : Substring(paragraphLines.joined(separator: " "))
            // Removing markup can leave spaces at an end ("Title *" → "Title "): trim again.
            var body = markup == .markdown ? TextShape.trimmed(InlineMarkdown.plainSlice(joined)) : joined
            defer {
                paragraphLines.removeAll(keepingCapacity: true)
                paragraphIsBullet = false
            }
            guard !body.isEmpty else {
                // Nothing but markup (`**`, `[]()`): no paragraph, or the body would get "\n\n\n\n".
                segments.append(Segment(kind: .markupOnly, lines: range, text: ""))
                return
            }
            if paragraphLines.count > 1, let kind = structuralKind(of: String(body)) {
                // A trailer or heading that was itself hard-wrapped.
                segments.append(Segment(kind: kind, lines: range, text: body))
                return
            }
            if paragraphIsBullet { body = Substring("- " + body) }
            segments.append(paragraph(body, level: Segment.plainLevel, isBullet: paragraphIsBullet, lines: range))
        }

        func structural(_ kind: Segment.Kind, _ line: ClassifiedLine, at index: Int) {
            flush()
            segments.append(Segment(kind: kind, lines: index..<(index + 1), text: Substring(line.plain)))
        }

        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .blank:
                flush()
            case .separator:
                structural(.separator, line, at: index)
            case .underline:
                flush()
                segments.append(Segment(kind: .markupOnly, lines: index..<(index + 1), text: ""))
            case .trailer:
                structural(.trailer, line, at: index)
            case .whyHeading:
                structural(.whyHeading, line, at: index)
            case .footer:
                structural(.footer, line, at: index)
            case .heading(let level):
                flush()
                if line.plain.isEmpty {
                    // A heading with no text ("#" alone) is no paragraph.
                    segments.append(Segment(kind: .markupOnly, lines: index..<(index + 1), text: ""))
                } else {
                    segments.append(paragraph(Substring(line.plain), level: level, isBullet: false, lines: index..<(index + 1)))
                }
            case .bullet(let item):
                flush()
                paragraphStart = index
                paragraphLines.append(item)
                paragraphIsBullet = true
                let standsAlone = (index == 0 || Self.isBreak(lines[index - 1]))
                    && (index + 1 == lines.count || Self.isBreak(lines[index + 1]))
                if standsAlone && TextShape.isNumberedItem(line.text) {
                    // "3. Title" on its own: a numbered title candidate, not a list.
                    paragraphIsBullet = false
                    flush()
                    segments[segments.count - 1].isNumbered = segments[segments.count - 1].isTitleCandidate
                    continue
                }
                if !layout.continues(line) { flush() }
            case .text:
                if paragraphLines.isEmpty { paragraphStart = index }
                paragraphLines.append(line.text)
                if !layout.continues(line) { flush() }
            }
        }
        flush()
        return (segments, lines.count)
    }

    private static func isBreak(_ line: ClassifiedLine) -> Bool {
        switch line.kind {
        case .blank, .separator, .underline: true
        default: false
        }
    }

    private func structuralKind(of text: String) -> Segment.Kind? {
        if trailers.matches(text) { return .trailer }
        if whyHeadings.matches(text) { return .whyHeading }
        if footers.matches(text) { return .footer }
        return nil
    }

    private func paragraph(_ text: Substring, level: Int, isBullet: Bool, lines: Range<Int>) -> Segment {
        let lineCount = lines.count
        var segment = Segment(kind: .paragraph, lines: lines, text: text, level: level, isBullet: isBullet, lineCount: lineCount)
        if !isBullet, lineCount <= Self.maximumTitleLines, text.utf8.count <= Self.maximumMarkedLength {
            // Masthead patterns are matched by `ArticleAssembler`, on front matter only.
            if patterns.houses.matches(String(text)) { segment.mark = .house }
        }
        // The cheap tests first: most body paragraphs end with a full stop.
        guard !isBullet, lineCount <= Self.maximumTitleLines, text.utf8.count <= Self.maximumTitleLength * 4,
              let last = text.unicodeScalars.last, !Self.isNonTitleEnd(last)
        else { return segment }
        segment.wordCount = TextShape.wordCount(text, limit: Self.maximumTitleWords)
        if isTitleShaped(segment) {
            if captions.matches(String(text)) {
                if segment.mark == .none { segment.mark = .caption }
            } else {
                segment.isTitleCandidate = true
            }
        }
        return segment
    }

    /// The remaining title tests, for a paragraph that passed those in `paragraph`.
    private func isTitleShaped(_ segment: Segment) -> Bool {
        let text = segment.text
        guard TextShape.length(text, limit: Self.maximumTitleLength) <= Self.maximumTitleLength,
              segment.wordCount <= Self.maximumTitleWords,
              TextShape.hasLetter(text), !TextShape.isURL(text)
        else { return false }
        if !segment.isHeading {
            if TextShape.startsWithLowercaseWord(text) { return false }
            if SentenceShape.isSentence(text, words: segment.wordCount) { return false }
            if SentenceShape.isWordList(text) { return false }
        }
        return true
    }

    private static func isNonTitleEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "," || scalar == ";" || scalar == ":"
    }

    // MARK: Lines

    private func classifiedLines(of text: String) -> [ClassifiedLine] {
        let lineFeeds = Self.lineFeedOffsets(text)
        var lines: [ClassifiedLine] = []
        lines.reserveCapacity(lineFeeds.count + 1)
        let bytes = text.utf8
        var start = bytes.startIndex
        for offset in lineFeeds {
            let end = bytes.index(bytes.startIndex, offsetBy: offset)
            lines.append(classify(TextShape.trimmed(text[start..<end])))
            start = bytes.index(after: end)
        }
        lines.append(classify(TextShape.trimmed(text[start...])))
        if markup == .markdown { markSetextHeadings(&lines) }
        return lines
    }

    /// A text line followed by `===` (level 1) or `---` (level 2) is a setext heading.
    private func markSetextHeadings(_ lines: inout [ClassifiedLine]) {
        for index in lines.indices.dropFirst() where lines[index].kind == .separator {
            guard let level = TextShape.setextLevel(lines[index].text), case .text = lines[index - 1].kind,
                  index < 2 || lines[index - 2].kind == .blank
            else { continue }
            let heading = lines[index - 1].text
            lines[index - 1] = ClassifiedLine(text: heading, kind: .heading(level),
                                              plain: String(TextShape.trimmed(Substring(InlineMarkdown.plainText(heading)))))
            lines[index].kind = .underline
        }
    }

    /// The UTF-8 offsets of the line feeds, in one pass over the bytes.
    private static func lineFeedOffsets(_ text: String) -> [Int] {
        func offsets<C: Collection<UInt8>>(_ bytes: C) -> [Int] {
            var offsets: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { offsets.append(offset) }
            return offsets
        }
        return text.utf8.withContiguousStorageIfAvailable(offsets) ?? offsets(text.utf8)
    }

    private func classify(_ line: Substring) -> ClassifiedLine {
        guard !line.isEmpty else { return ClassifiedLine(text: line, kind: .blank) }
        var heading: (level: Int, text: Substring)?
        if markup == .markdown {
            if let found = TextShape.markdownHeading(line) {
                heading = found
            } else if let bold = TextShape.boldLine(line) {
                heading = (Segment.boldLevel, bold)
            }
        }
        let short = line.utf8.count <= LinePatternSet.maximumLineLength
        var plain = ""
        if short {
            let source = heading?.text ?? line
            plain = markup == .markdown ? InlineMarkdown.plainText(source) : String(source)
            plain = String(TextShape.trimmed(Substring(plain)))
            if trailers.matches(plain) { return ClassifiedLine(text: line, kind: .trailer, plain: plain) }
            if whyHeadings.matches(plain) { return ClassifiedLine(text: line, kind: .whyHeading, plain: plain) }
            if footers.matches(plain) { return ClassifiedLine(text: line, kind: .footer, plain: plain) }
        }
        if TextShape.isRule(line) { return ClassifiedLine(text: line, kind: .separator) }
        if let heading {
            let text = short ? plain : String(TextShape.trimmed(Substring(InlineMarkdown.plainText(heading.text))))
            return ClassifiedLine(text: line, kind: .heading(heading.level), plain: text)
        }
        if let item = TextShape.bulletItem(line) {
            return ClassifiedLine(text: line, kind: .bullet(item))
        }
        return ClassifiedLine(text: line, kind: .text)
    }
}
