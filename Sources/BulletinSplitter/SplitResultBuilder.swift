/// Turns the assembler's sections and segment fates into `Article`s and one `LineFate`
/// per source line. Sections that `SectionReview` skipped give their lines its reason;
/// the others are numbered 1...n.
struct SplitResultBuilder {
    let segments: [Segment]
    let lineCount: Int

    func build(sections: [Section], fates: [SegmentFate], layout: String?) -> SplitResult {
        var positions = [Int?](repeating: nil, count: sections.count)
        var articles: [Article] = []
        articles.reserveCapacity(sections.count)
        for (index, section) in sections.enumerated() where section.skippedAs == nil {
            let position = articles.count + 1
            positions[index] = position
            articles.append(Article(
                title: String(segments[section.title].text),
                body: text(of: section.body),
                why: section.why.isEmpty ? nil : text(of: section.why),
                position: position))
        }
        var lines = [LineFate](repeating: LineFate(role: .blank, reason: .blank), count: lineCount)
        for (index, segment) in segments.enumerated() {
            let fate = lineFate(fates[index], sections: sections, positions: positions)
            for line in segment.lines {
                lines[line] = fate
                lines[line].startsParagraph = line == segment.lines.lowerBound
            }
        }
        return SplitResult(articles: articles, lines: lines, layout: layout)
    }

    /// The paragraphs `indices`, separated by "\n\n": one allocation of exactly the text's size.
    private func text(of indices: [Int]) -> String {
        guard indices.count > 1 else { return indices.first.map { String(segments[$0].text) } ?? "" }
        var text = ""
        text.reserveCapacity(indices.reduce(2 * (indices.count - 1)) { $0 + segments[$1].text.utf8.count })
        for (position, index) in indices.enumerated() {
            if position > 0 { text += "\n\n" }
            text += segments[index].text
        }
        return text
    }

    private func lineFate(_ fate: SegmentFate, sections: [Section], positions: [Int?]) -> LineFate {
        func placed(_ section: Int, isTitle: Bool, _ role: (Int) -> LineRole) -> LineFate {
            if let position = positions[section] { return LineFate(role: role(position), reason: fate.reason) }
            let skipped = sections[section]
            var reason = skipped.skippedAs ?? .house
            if reason == .intro && isTitle { reason = .masthead }
            return LineFate(role: .skipped(reason), reason: skipped.skipReason)
        }
        switch fate.place {
        case .title(let section): return placed(section, isTitle: true) { .title(article: $0) }
        case .body(let section): return placed(section, isTitle: false) { .body(article: $0) }
        case .whyHeading(let section): return placed(section, isTitle: false) { .whyHeading(article: $0) }
        case .why(let section): return placed(section, isTitle: false) { .why(article: $0) }
        case .skipped(let reason): return LineFate(role: .skipped(reason), reason: fate.reason)
        }
    }
}
