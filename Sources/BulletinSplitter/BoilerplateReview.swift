/// Recognises repeated boilerplate, given the fingerprints (`BoilerplateFingerprint`) of
/// lines seen in the same sender's earlier bulletins:
/// - a section whose title is known is front or back matter, not an article, unless it has
///   a why section (a why heading is evidence of an article): before the first remaining
///   article it is masthead and intro, after the last it is footer, between articles a
///   house section;
/// - nothing else changes: body and why paragraphs of an article stay where they are even
///   when they repeat, and trailers and why headings keep their roles.
///
/// Also lists what the store remembers of this bulletin: the fingerprints of its titles and
/// of its skipped paragraphs (not trailers, separators or markup).
struct BoilerplateReview {
    let segments: [Segment]
    let known: Set<Int64>

    func review(_ sections: inout [Section]) {
        guard !known.isEmpty else { return }
        var boilerplate: [Int] = []
        for index in sections.indices where sections[index].skippedAs == nil && sections[index].why.isEmpty
            && sections[index].whyHeadings.isEmpty {
            if let fingerprint = BoilerplateFingerprint.of(segments[sections[index].title].text), known.contains(fingerprint) {
                boilerplate.append(index)
            }
        }
        guard !boilerplate.isEmpty else { return }
        let boilerplateSet = Set(boilerplate)
        let articles = sections.indices.filter { sections[$0].skippedAs == nil && !boilerplateSet.contains($0) }
        for index in boilerplate {
            if let first = articles.first, index < first {
                sections[index].skippedAs = .intro
            } else if let last = articles.last, index > last {
                sections[index].skippedAs = .footer
            } else if articles.isEmpty {
                sections[index].skippedAs = .intro
            } else {
                sections[index].skippedAs = .house
            }
            sections[index].skipReason = .knownBoilerplate
        }
    }

    /// The distinct fingerprints to remember of this bulletin, in order of first appearance.
    func remembered(sections: [Section], fates: [SegmentFate]) -> [Int64] {
        var indices = sections.map(\.title)
        for (index, fate) in fates.enumerated() {
            guard case .skipped(let reason) = fate.place, segments[index].kind == .paragraph,
                  reason != .trailer, reason != .markup else { continue }
            indices.append(index)
        }
        var seen = Set<Int64>()
        return indices.sorted().compactMap { BoilerplateFingerprint.of(segments[$0].text) }.filter { seen.insert($0).inserted }
    }
}
