/// Groups `Segment`s into articles.
///
/// Rules (each chosen to keep sub-headings, captions and mastheads out of the titles):
/// - **Footer.** The footer starts at the first footer line followed by no trailer and
///   no why heading; it is dropped with everything after it, and so are the short
///   address-like lines (title-shaped, not list items) right before it. Footer lines
///   elsewhere (e.g. "View in browser" at the top) are dropped on their own.
/// - **Between articles** (at the start, after a trailer): a title candidate starts an
///   article when the next segment is body text (a paragraph that is not a title
///   candidate; a Markdown heading may also be followed by a short plain line).
///   Anything else is masthead, table of contents or junk, and is dropped. Before the
///   first article, a candidate whose text occurs again later as a candidate is a table
///   of contents entry.
/// - **Trailers** end the current article. Consecutive trailers produce nothing.
/// - **Why headings** end the body: the following paragraphs go to `why`.
/// - **Within an article** (trailer missing), a title candidate followed by body text
///   starts a new article when, unless the previous paragraph ends with ":" (a list or
///   sub-heading follows):
///   - it is a Markdown heading or bold line of the same or a higher level than the
///     current title (deeper headings are sub-headings);
///   - it is plain, the current title is plain too, and either the article already has
///     a why section with text, or it is headline-like — at least `headlineWords` words
///     (60% of the median word count of the titles found after trailers or after why
///     sections — or else of the first title —, clamped to 4...6) — and the next
///     paragraph is long (≥ 80 bytes).
/// - **Masthead intro.** In a document with trailers or why headings, when the first
///   article was ended by another title (not by a trailer), has no why section, and
///   its title is shorter than `headlineWords`, it is the bulletin's masthead and
///   introduction, and is dropped.
/// - **Markdown masthead.** A level-1 heading is the bulletin's own title when it is the
///   only level-1 heading, comes first, and deeper headings follow.
/// - Articles with an empty body are not emitted.
struct ArticleAssembler {
    static let longParagraphBytes = 80
    static let headlineWordRange = 4...6

    private var segments: [Segment]
    private let end: Int
    private let isStructured: Bool
    private let headlineWords: Int

    init(segments: [Segment]) {
        var segments = segments
        Self.demoteMarkdownMasthead(&segments)
        self.segments = segments
        end = Self.footerStart(segments)
        isStructured = segments[..<end].contains { $0.kind == .trailer || $0.kind == .whyHeading }
        headlineWords = Self.headlineWords(segments, end: end)
    }

    func articles() -> [Article] {
        var drafts: [Draft] = []
        var current: Draft?
        /// For the folded text of each title candidate after the first one asked about, the
        /// index of its last occurrence: built only when a candidate before the first
        /// article is followed by body text.
        var laterCandidates: [String: Int]?
        for index in 0..<end {
            let segment = segments[index]
            switch segment.kind {
            case .footer:
                break
            case .trailer:
                if let finished = current { drafts.append(finished) }
                current = nil
            case .whyHeading:
                current?.inWhy = true
            case .paragraph:
                // No binding of `current` may outlive the decision: a second reference
                // to the draft would make every append copy the whole body.
                if let startsNew = current.map({ segment.isTitleCandidate && startsArticle(at: index, within: $0) }) {
                    if startsNew, var finished = current {
                        finished.endedByTitle = true
                        drafts.append(finished)
                        current = Draft(title: segment)
                    } else {
                        current?.append(segment.text)
                    }
                } else if segment.isTitleCandidate
                            && startsArticle(at: index, firstArticle: drafts.isEmpty, laterCandidates: &laterCandidates) {
                    current = Draft(title: segment)
                }
            }
        }
        if let finished = current { drafts.append(finished) }

        if isStructured, let first = drafts.first, first.endedByTitle, first.why.isEmpty,
           first.title.level == Segment.plainLevel, first.title.wordCount < headlineWords {
            drafts.removeFirst()
        }
        return drafts.filter { !$0.body.isEmpty }.enumerated().map { offset, draft in
            Article(
                title: draft.title.text,
                body: draft.body.joined(separator: "\n\n"),
                why: draft.why.isEmpty ? nil : draft.why.joined(separator: "\n\n"),
                position: offset + 1
            )
        }
    }

    // MARK: Decisions

    private func next(after index: Int) -> Segment? {
        index + 1 < end ? segments[index + 1] : nil
    }

    private func isFollowedByBody(_ index: Int) -> Bool {
        guard let next = next(after: index), next.kind == .paragraph else { return false }
        if next.isBodyLike { return true }
        return segments[index].isHeading && !next.isHeading
    }

    private func startsArticle(at index: Int, firstArticle: Bool, laterCandidates: inout [String: Int]?) -> Bool {
        guard isFollowedByBody(index) else { return false }
        guard firstArticle else { return true }
        if laterCandidates == nil {
            // Later questions are about later candidates: the occurrences after this one suffice.
            var last: [String: Int] = [:]
            for position in (index + 1)..<max(index + 1, end) where segments[position].isTitleCandidate {
                last[Self.fold(segments[position].text)] = position
            }
            laterCandidates = last
        }
        guard let last = laterCandidates?[Self.fold(segments[index].text)] else { return true }
        return last <= index
    }

    private func startsArticle(at index: Int, within draft: Draft) -> Bool {
        guard !draft.body.isEmpty || !draft.why.isEmpty, isFollowedByBody(index) else { return false }
        if index > 0, segments[index - 1].kind == .paragraph,
           TextShape.lastSignificantScalar(segments[index - 1].text) == ":" {
            return false
        }
        let candidate = segments[index]
        if candidate.isHeading { return candidate.level <= draft.title.level }
        guard !draft.title.isHeading else { return false }
        if !draft.why.isEmpty { return true }
        guard candidate.wordCount >= headlineWords, let next = next(after: index) else { return false }
        return next.text.utf8.count >= Self.longParagraphBytes
    }

    // MARK: Document-wide measurements

    private static func fold(_ text: String) -> String {
        text.lowercased()
    }

    /// The footer's first segment index, or `segments.count` when there is no footer.
    private static func footerStart(_ segments: [Segment]) -> Int {
        var start = segments.count
        for index in segments.indices.reversed() {
            let kind = segments[index].kind
            if kind == .trailer || kind == .whyHeading { break }
            if kind == .footer { start = index }
        }
        guard start < segments.count else { return start }
        while start > 0, isAddressLike(segments[start - 1]) { start -= 1 }
        return start
    }

    private static func isAddressLike(_ segment: Segment) -> Bool {
        guard segment.kind == .paragraph else { return segment.kind == .footer }
        return !segment.isBullet && segment.lineCount == 1 && segment.text.utf8.count <= 120
            && !TextShape.endsSentence(segment.text)
    }

    /// 60% of the median word count of the titles that surely start articles: those
    /// that follow a trailer or a why section's text; failing those, the first title.
    private static func headlineWords(_ segments: [Segment], end: Int) -> Int {
        var counts: [Int] = []
        var firstTitleWords: Int?
        var afterTrailer = false
        var inWhy = false
        var afterWhyText = false
        for index in 0..<end {
            let segment = segments[index]
            switch segment.kind {
            case .trailer:
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
            case .footer:
                break
            }
        }
        if counts.isEmpty, let firstTitleWords { counts = [firstTitleWords] }
        guard !counts.isEmpty else { return headlineWordRange.lowerBound }
        counts.sort()
        let median = counts[counts.count / 2]
        let words = (median * 6 + 9) / 10
        return min(max(words, headlineWordRange.lowerBound), headlineWordRange.upperBound)
    }

    /// Turns a lone leading level-1 heading followed by deeper headings into a
    /// non-candidate (it is the bulletin's own title).
    private static func demoteMarkdownMasthead(_ segments: inout [Segment]) {
        guard let first = segments.firstIndex(where: \.isHeading), segments[first].level == 1 else { return }
        var deeper = false
        for segment in segments[(first + 1)...] where segment.isHeading {
            if segment.level == 1 { return }
            deeper = true
        }
        if deeper { segments[first].isTitleCandidate = false }
    }
}
