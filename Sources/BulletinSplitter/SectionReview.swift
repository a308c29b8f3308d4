/// Decides which sections found by `ArticleAssembler` are not articles:
/// - a section with no prose in its body or why section (only list items, links, short
///   lines) is a link list (when it holds list items or links) or a house section;
/// - the first section is the masthead and intro when it was ended by another title, has
///   no why section and a plain title, and either its body opens with a greeting
///   (`masthead_patterns`, or a short line ending in "," or "!"), or the bulletin has
///   trailers or why headings and the title is short (under `headlineWords`).
struct SectionReview {
    let segments: [Segment]
    let measures: DocumentMeasures
    let isMasthead: (Int) -> Bool

    func review(_ sections: inout [Section]) {
        for index in sections.indices {
            let section = sections[index]
            if !section.paragraphs.contains(where: { segments[$0].isProse }) {
                let links = section.paragraphs.contains { segments[$0].isBullet || TextShape.isURL(segments[$0].text) }
                sections[index].skippedAs = links ? .linkList : .house
                sections[index].skipReason = section.paragraphs.isEmpty ? .emptyArticle : .noProse
            }
        }
        guard let first = sections.indices.first(where: { sections[$0].skippedAs == nil }) else { return }
        let section = sections[first]
        let title = segments[section.title]
        guard section.endedByTitle, section.why.isEmpty, !title.isHeading,
              opensWithGreeting(section) || (measures.isStructured && title.wordCount < measures.headlineWords)
        else { return }
        // Only when nothing but front matter comes before it.
        sections[first].skippedAs = .intro
        sections[first].skipReason = .introSection
    }

    private func opensWithGreeting(_ section: Section) -> Bool {
        guard let first = section.body.first else { return false }
        if isMasthead(first) { return true }
        let opening = segments[first]
        guard let last = TextShape.lastSignificantScalar(opening.text) else { return false }
        return (last == "," || last == "!") && TextShape.wordCount(opening.text, limit: 6) <= 6
    }
}
