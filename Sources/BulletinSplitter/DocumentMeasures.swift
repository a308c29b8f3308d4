/// Document-wide measurements `ArticleAssembler` decides with, each one linear pass.
struct DocumentMeasures {
    static let headlineWordRange = 4...6
    static let strictWordRange = 5...9

    /// The footer's first segment index, or the segment count when there is no footer.
    let end: Int
    /// Whether trailers or why headings occur before the footer.
    let isStructured: Bool
    /// For each segment index, whether a trailer or separator follows it before the footer.
    let delimiterAhead: [Bool]
    /// Whether most titles that body text follows are numbered ("1. …"), at least two.
    let numberedTitles: Bool
    /// Whether the bulletin's plain titles mostly have a short line (source, caption,
    /// "Related topics:") between them and their lead paragraph.
    let titlesHaveSubline: Bool
    /// Fewest words for a plain title inside an article without trailer: 60% of the
    /// median word count of the sure titles, clamped to `headlineWordRange`.
    let headlineWords: Int
    /// Fewest words for a plain title inside an article that a trailer closes: 75% of the
    /// median, clamped to `strictWordRange`.
    let strictWords: Int
    /// The Markdown heading level (or bold level) that most often has prose right under
    /// it: the level of article titles. Nil when no heading has.
    let articleLevel: Int?
    /// The blocks between delimiters, for the lost-trailer rule of `ArticleAssembler`.
    let blocks: TrailerBlocks

    init(_ segments: [Segment]) {
        end = Self.footerStart(segments)
        var ahead = [Bool](repeating: false, count: segments.count)
        var seen = false
        var structured = false
        for index in (0..<end).reversed() {
            ahead[index] = seen
            if segments[index].kind == .trailer || segments[index].kind == .separator { seen = true }
            if segments[index].kind == .trailer || segments[index].kind == .whyHeading { structured = true }
        }
        delimiterAhead = ahead
        numberedTitles = Self.numberedTitles(segments, end: end)
        titlesHaveSubline = Self.titlesHaveSubline(segments, end: end)
        isStructured = structured
        let median = Self.medianTitleWords(segments, end: end)
        headlineWords = Self.clamp((median * 6 + 9) / 10, Self.headlineWordRange)
        strictWords = Self.clamp((median * 3 + 3) / 4, Self.strictWordRange)
        articleLevel = Self.articleLevel(segments, end: end)
        blocks = TrailerBlocks(segments, end: end)
    }

    private static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }

    private static func footerStart(_ segments: [Segment]) -> Int {
        var start = segments.count
        for index in segments.indices.reversed() {
            let kind = segments[index].kind
            if kind == .trailer || kind == .whyHeading { break }
            if kind == .footer { start = index }
        }
        guard start < segments.count else { return start }
        let name = publicationName(segments)
        while start > 0, isAddressLike(segments[start - 1]) || isColophon(segments[start - 1], name: name) { start -= 1 }
        return start
    }

    /// The bulletin's name: the first line when it is short, up to a dash, bar, dot or
    /// "#" ("POLICY WIRE", "Civic Tech Briefing — No. 88" → "civic tech briefing").
    private static func publicationName(_ segments: [Segment]) -> String? {
        guard let first = segments.first(where: { $0.kind == .paragraph }), first.lines.lowerBound <= 2,
              TextShape.wordCount(first.text, limit: 8) <= 8 else { return nil }
        let cut = first.text.firstIndex { "—–|·#:(".contains($0) } ?? first.text.endIndex
        let name = String(TextShape.trimmed(first.text[..<cut])).lowercased()
        return TextShape.wordCount(name, limit: 2) >= 2 ? name : nil
    }

    /// A short paragraph about the bulletin itself ("Policy Wire collects headlines…"),
    /// naming it, just before the footer.
    private static func isColophon(_ segment: Segment, name: String?) -> Bool {
        guard let name, segment.kind == .paragraph, !segment.isBullet, !segment.isHeading,
              segment.text.utf8.count <= 300 else { return false }
        return segment.text.lowercased().contains(name)
    }

    private static func isAddressLike(_ segment: Segment) -> Bool {
        guard segment.kind == .paragraph else { return segment.kind == .footer || segment.kind == .markupOnly }
        return !segment.isBullet && segment.lineCount == 1 && segment.text.utf8.count <= 120
            && !TextShape.endsSentence(segment.text)
    }

    /// The median word count of the titles that surely start articles: those that follow
    /// a trailer or a why section's text; failing those, the first title; 0 if none.
    private static func medianTitleWords(_ segments: [Segment], end: Int) -> Int {
        var counts: [Int] = []
        var firstTitleWords: Int?
        var afterTrailer = false
        var inWhy = false
        var afterWhyText = false
        for index in 0..<end {
            let segment = segments[index]
            switch segment.kind {
            case .trailer, .separator:
                afterTrailer = true
                inWhy = false
                afterWhyText = false
            case .whyHeading:
                inWhy = true
            case .paragraph:
                if segment.isTitleCandidate, index + 1 < end, segments[index + 1].isBodyLike {
                    if firstTitleWords == nil { firstTitleWords = segment.wordCount }
                    if afterTrailer || afterWhyText {
                        counts.append(segment.wordCount)
                        afterTrailer = false
                        inWhy = false
                        afterWhyText = false
                        continue
                    }
                }
                if inWhy { afterWhyText = true }
            case .footer, .markupOnly:
                break
            }
        }
        if counts.isEmpty, let firstTitleWords { counts = [firstTitleWords] }
        guard !counts.isEmpty else { return 0 }
        counts.sort()
        return counts[counts.count / 2]
    }

    private static func numberedTitles(_ segments: [Segment], end: Int) -> Bool {
        var numbered = 0
        var plain = 0
        for index in 0..<end where segments[index].isTitleCandidate && !segments[index].isHeading {
            guard index + 1 < end, segments[index + 1].isProse else { continue }
            if segments[index].isNumbered { numbered += 1 } else { plain += 1 }
        }
        return numbered >= 2 && numbered > plain
    }

    private static func titlesHaveSubline(_ segments: [Segment], end: Int) -> Bool {
        var withSubline = 0
        var without = 0
        for index in 0..<end where segments[index].isTitleCandidate && !segments[index].isHeading {
            guard index + 1 < end else { continue }
            if segments[index + 1].isProse {
                without += 1
            } else if ArticleAssembler.isSubline(segments, index + 1, end: end) {
                withSubline += 1
            }
        }
        return withSubline >= 2 && withSubline * 2 >= without
    }

    /// The shallowest level with at least two headings that have prose under them (right
    /// under, or after one or two short lines); failing that, the level of the one heading
    /// that has.
    private static func articleLevel(_ segments: [Segment], end: Int) -> Int? {
        var counts = [Int](repeating: 0, count: Segment.plainLevel)
        for index in 0..<end where segments[index].isHeading && segments[index].isTitleCandidate {
            var next = index + 1
            while next < end, next <= index + 3, segments[next].kind == .paragraph, !segments[next].isHeading,
                  !segments[next].isProse, !segments[next].isBullet {
                next += 1
            }
            if next < end, segments[next].isProse { counts[segments[index].level] += 1 }
        }
        if let repeated = counts.firstIndex(where: { $0 >= 2 }) { return repeated }
        return counts.firstIndex(where: { $0 > 0 })
    }
}
