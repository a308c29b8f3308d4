/// Groups `Segment`s into titled sections, deciding for every segment where it goes
/// (`SegmentFate`). Structure first, then evidence:
///
/// - **Footer.** From the first footer line followed by no trailer and no why heading
///   (with the short address-like lines just before it), everything is footer.
/// - **Trailers** close the current section; **why headings** send the paragraphs after
///   them to the why section.
/// - **A title** is a title candidate (see `SegmentBuilder`) that body text follows,
///   directly or after at most two more candidates — a sub-heading, caption or source
///   line under a title stays in the body, so a title is never lost to the line below it.
/// - **Markup.** Where Markdown or HTML headings exist, the level that most often has
///   prose right under it is the article level (`DocumentMeasures.articleLevel`): its
///   headings start articles, deeper ones are sub-headings, shallower ones are section
///   headings (an article only when prose is right under them).
/// - **Plain text, within an article.** A candidate starts a new article after a why
///   section's text; inside an article that a trailer closes only when it is as long as
///   the bulletin's other titles (`strictWords`), comes after a full sentence and a long
///   paragraph follows it — and within a block that began after a trailer, only when the
///   block lost a trailer (`isLostTrailer`: two article-sized parts, one such line);
///   elsewhere when it is headline-like (`headlineWords`, or four
///   words for a question or exclamation) and a long paragraph follows. Never after a
///   paragraph ending in ":".
/// - **Front matter.** Before the first article, a candidate that reappears later as a
///   candidate is a table of contents entry, and `masthead_patterns` lines are never
///   titles; of a run of candidates before body text, the first headline-length one is
///   the title.
/// - **House sections.** A `house_patterns` line closes the current article and opens a
///   house section, which lasts until a trailer or the next title (a heading of its level
///   or above, or a headline-length plain candidate).
struct ArticleAssembler {
    static let longParagraphBytes = 80
    static let maximumRun = 2

    enum Outside: Equatable {
        case start
        case afterTrailer
        case afterSection
        case house(level: Int)
    }

    let segments: [Segment]
    let measures: DocumentMeasures
    private let mastheads: LinePatternSet

    init(segments: [Segment], mastheads: LinePatternSet) {
        self.segments = segments
        self.mastheads = mastheads
        measures = DocumentMeasures(segments)
    }

    /// Whether the segment matches `masthead_patterns`. Asked only about front matter (and
    /// the first section's opening), so the patterns cost nothing on the rest.
    func isMasthead(_ index: Int) -> Bool {
        let segment = segments[index]
        guard segment.kind == .paragraph, !segment.isBullet, segment.lineCount <= SegmentBuilder.maximumTitleLines,
              segment.text.utf8.count <= SegmentBuilder.maximumMarkedLength else { return false }
        return mastheads.matches(String(segment.text))
    }

    var end: Int { measures.end }

    func assemble() -> (sections: [Section], fates: [SegmentFate], measures: DocumentMeasures) {
        var fates = [SegmentFate](repeating: SegmentFate(place: .skipped(.footer), reason: .footerTail), count: segments.count)
        var sections: [Section] = []
        var current: Int?
        var outside = Outside.start
        var contents = ContentsIndex()
        var afterSeparator = false
        let end = measures.end

        func open(_ title: Int, bodyAt bodyStart: Int, reason: LineReason) {
            if let finished = current { sections[finished].endedByTitle = true }
            var opened = Section(title: title)
            opened.startedAfterDelimiter = reason != .titleAfterWhy && reason != .titleEvidence
            sections.append(opened)
            let section = sections.count - 1
            current = section
            fates[title] = SegmentFate(place: .title(section: section), reason: reason)
            for index in (title + 1)..<bodyStart {
                if segments[index].kind == .markupOnly {
                    fates[index] = SegmentFate(place: .skipped(.markup), reason: .markupOnly)
                } else {
                    sections[section].body.append(index)
                    fates[index] = SegmentFate(place: .body(section: section), reason: .subheading)
                }
            }
        }

        var index = 0
        while index < end {
            let segment = segments[index]
            switch segment.kind {
            case .markupOnly:
                fates[index] = SegmentFate(place: .skipped(.markup), reason: .markupOnly)
            case .separator:
                fates[index] = SegmentFate(place: .skipped(.markup), reason: .separator)
                afterSeparator = true
                index += 1
                continue
            case .footer:
                fates[index] = SegmentFate(place: .skipped(.footer), reason: .footerPattern)
            case .trailer:
                fates[index] = SegmentFate(place: .skipped(.trailer), reason: .trailerPattern)
                current = nil
                outside = .afterTrailer
            case .whyHeading:
                if let section = current {
                    sections[section].inWhy = true
                    sections[section].whyHeadings.append(index)
                    fates[index] = SegmentFate(place: .whyHeading(section: section), reason: .whyHeading)
                } else {
                    fates[index] = SegmentFate(place: .skipped(outsideLabel(segment, outside, sections.isEmpty)), reason: .orphanText)
                }
            case .paragraph:
                let separated = afterSeparator
                afterSeparator = false
                if let section = current {
                    if separated, segment.isTitleCandidate, segment.mark != .house, !followsOpenClause(index),
                       let bodyStart = bodyStart(after: index) {
                        open(index, bodyAt: bodyStart, reason: .titleAfterSeparator)
                        index = bodyStart
                        continue
                    }
                    if segment.mark == .house {
                        current = nil
                        outside = .house(level: segment.level)
                        fates[index] = SegmentFate(place: .skipped(.house), reason: .housePattern)
                        break
                    }
                    switch decide(at: index, within: sections[section]) {
                    case .start(let bodyStart, let reason):
                        open(index, bodyAt: bodyStart, reason: reason)
                        index = bodyStart
                        continue
                    case .sectionHeading:
                        current = nil
                        outside = .afterSection
                        fates[index] = SegmentFate(place: .skipped(.house), reason: .sectionHeading)
                    case .stay(let reason):
                        if sections[section].inWhy {
                            sections[section].why.append(index)
                            fates[index] = SegmentFate(place: .why(section: section), reason: reason == .bodyText ? .why : reason)
                        } else {
                            sections[section].body.append(index)
                            fates[index] = SegmentFate(place: .body(section: section), reason: reason)
                        }
                    }
                } else if let (title, bodyStart) = start(at: index, outside: outside, first: sections.isEmpty, contents: &contents) {
                    for skipped in index..<title {
                        fates[skipped] = SegmentFate(place: .skipped(frontLabel(segments[skipped], &contents, at: skipped)),
                                                     reason: frontReason(skipped, &contents))
                    }
                    open(title, bodyAt: bodyStart, reason: titleReason(outside))
                    index = bodyStart
                    continue
                } else if sections.isEmpty && outside == .start {
                    // Front matter, a sign-off of the editor's letter included.
                    fates[index] = SegmentFate(place: .skipped(frontLabel(segment, &contents, at: index)),
                                               reason: frontReason(index, &contents))
                } else if segment.mark == .house {
                    outside = .house(level: segment.level)
                    fates[index] = SegmentFate(place: .skipped(.house), reason: .housePattern)
                } else {
                    let label = outsideLabel(segment, outside, sections.isEmpty)
                    fates[index] = SegmentFate(place: .skipped(label), reason: label == .caption ? .captionPattern
                                               : (label == .house && outside != .afterTrailer ? .houseSection : .orphanText))
                }
            }
            index += 1
        }
        var inHouse = false
        if case .house = outside { inHouse = true }
        var leading = true
        for index in end..<segments.count {
            if segments[index].kind == .footer { leading = false }
            if segments[index].kind == .footer {
                fates[index].reason = .footerPattern
            } else if leading && inHouse {
                // Short lines of a house section that runs into the footer ("Donate: …").
                fates[index] = SegmentFate(place: .skipped(.house), reason: .houseSection)
            } else if leading {
                fates[index].reason = .footerAddress
            }
        }
        return (sections, fates, measures)
    }

    // MARK: Titles outside an article

    private func titleReason(_ outside: Outside) -> LineReason {
        switch outside {
        case .start: .titleAtStart
        case .afterTrailer: .titleAfterTrailer
        case .afterSection, .house: .titleAfterSection
        }
    }

    /// The title and the first body segment when an article starts at `index`, outside
    /// any article.
    private func start(at index: Int, outside: Outside, first: Bool, contents: inout ContentsIndex) -> (Int, Int)? {
        let segment = segments[index]
        guard segment.isTitleCandidate, segment.mark != .house, !followsOpenClause(index) else { return nil }
        if segment.isHeading, let level = measures.articleLevel, segment.level > level { return nil }
        if case .house(let houseLevel) = outside {
            if segment.isHeading {
                guard houseLevel == Segment.plainLevel || segment.level <= houseLevel else { return nil }
            } else if segment.wordCount < measures.headlineWords {
                return nil
            }
        }
        guard let bodyStart = bodyStart(after: index) else { return nil }
        guard first && outside == .start else { return (index, bodyStart) }
        // The first article's lead is prose (not a contents list or a link).
        guard segment.isHeading || segments[bodyStart].isProse
                || (bodyStart + 1 < measures.end && Self.isSubline(segments, bodyStart, end: measures.end)) else { return nil }
        // Front matter: skip table-of-contents entries and masthead lines; prefer the
        // first candidate of headline length.
        var fallback: Int?
        for member in index..<bodyStart where segments[member].kind == .paragraph {
            let candidate = segments[member]
            guard candidate.mark == .none, !isMasthead(member), !followsOpenClause(member),
                  !contents.reappears(member, in: segments, end: measures.end) else { continue }
            if candidate.isHeading || candidate.wordCount >= measures.headlineWords { return (member, bodyStart) }
            if fallback == nil { fallback = member }
        }
        return fallback.map { ($0, bodyStart) }
    }

    /// The index of the body text under the candidate at `index`: the next segment when
    /// it is body-like, or the one after a run of at most `maximumRun` subordinate
    /// candidates (deeper headings, plain lines, captions). Nil when no body follows.
    private func bodyStart(after index: Int) -> Int? {
        let title = segments[index]
        let end = measures.end
        let sectionHeading = title.isHeading && measures.articleLevel.map { title.level < $0 } == true
        var next = index + 1
        var run = 0
        while next < end, segments[next].kind == .markupOnly || segments[next].isTitleCandidate {
            let member = segments[next]
            if member.kind == .paragraph {
                if member.mark == .house || sectionHeading { return nil }
                if member.isHeading {
                    guard title.isHeading, member.level > title.level else { return nil }
                    if let level = measures.articleLevel, member.level <= level { return nil }
                }
                run += 1
                if run > Self.maximumRun { return nil }
            }
            next += 1
        }
        if next < end, segments[next].kind == .paragraph { return next }
        // A heading over a single short line is still an article.
        if title.isHeading, index + 1 < end, segments[index + 1].kind == .paragraph, !segments[index + 1].isHeading {
            return index + 1
        }
        return nil
    }

    // MARK: Titles within an article

    private enum Decision {
        case start(bodyAt: Int, reason: LineReason)
        case stay(LineReason)
        /// A heading above the article level, with no prose under it.
        case sectionHeading
    }

    private func decide(at index: Int, within section: Section) -> Decision {
        let candidate = segments[index]
        let title = segments[section.title]
        let articleLevel = measures.articleLevel
        if candidate.isHeading, let articleLevel, candidate.level < articleLevel, candidate.isTitleCandidate,
           bodyStart(after: index) == nil {
            return .sectionHeading
        }
        guard candidate.isTitleCandidate else { return .stay(.bodyText) }
        guard !section.body.isEmpty || !section.why.isEmpty else { return .stay(.subheading) }
        guard let bodyStart = bodyStart(after: index) else { return .stay(.noBodyFollows) }
        if followsOpenClause(index) { return .stay(.afterColon) }
        if candidate.isHeading {
            let level = articleLevel ?? title.level
            return candidate.level <= level ? .start(bodyAt: bodyStart, reason: .titleHeading) : .stay(.deeperHeading)
        }
        if title.isHeading { return .stay(.deeperHeading) }
        if measures.numberedTitles {
            return candidate.isNumbered ? .start(bodyAt: bodyStart, reason: .titleNumbered) : .stay(.notNumbered)
        }
        if !section.why.isEmpty { return .start(bodyAt: bodyStart, reason: .titleAfterWhy) }
        // The lead paragraph may come after a short source or caption line.
        let nextIsLong = segments[bodyStart...min(bodyStart + 1, measures.end - 1)].contains {
            $0.kind == .paragraph && $0.text.utf8.count >= Self.longParagraphBytes
        }
        if measures.titlesHaveSubline && bodyStart == index + 1 && !Self.isSubline(segments, bodyStart, end: measures.end) {
            return .stay(.unlikeTitles)
        }
        if measures.delimiterAhead[index] {
            let afterSentence = index > 0 && segments[index - 1].kind == .paragraph
                && TextShape.endsSentence(segments[index - 1].text)
            let titleShaped = bodyStart == index + 1 && candidate.wordCount >= measures.strictWords && nextIsLong
                && afterSentence
            if section.startedAfterDelimiter {
                // No article splits inside a trailer-delimited block, unless the block lost its trailer.
                return isLostTrailer(at: index, within: section, titleShaped: titleShaped)
                    ? .start(bodyAt: bodyStart, reason: .titleLostTrailer) : .stay(.inTrailerBlock)
            }
            return titleShaped ? .start(bodyAt: bodyStart, reason: .titleEvidence) : .stay(.inTrailerBlock)
        }
        var words = measures.headlineWords
        if let last = TextShape.lastSignificantScalar(candidate.text), last == "?" || last == "!" { words = min(words, 4) }
        guard candidate.wordCount >= words, nextIsLong else { return .stay(.weakTitle) }
        return .start(bodyAt: bodyStart, reason: .titleEvidence)
    }

    /// Whether the segment at `index` is a short line between a title and its lead
    /// paragraph (a source, caption or "Related topics:" line): not prose, and prose follows.
    static func isSubline(_ segments: [Segment], _ index: Int, end: Int) -> Bool {
        let segment = segments[index]
        guard segment.kind == .paragraph, !segment.isHeading, segment.mark != .house,
              TextShape.lastSignificantScalar(segment.text) != ",",
              !segment.isProse || segment.mark == .caption,
              segment.text.utf8.count <= 120, index + 1 < end else { return false }
        return segments[index + 1].isProse
    }

    /// Whether the paragraph before `index` ends in ":" or "," (a list, a sub-heading or a
    /// signature follows, not a new article).
    private func followsOpenClause(_ index: Int) -> Bool {
        guard index > 0, segments[index - 1].kind == .paragraph,
              let last = TextShape.lastSignificantScalar(segments[index - 1].text) else { return false }
        return last == ":" || last == ","
    }
}
