/// A titled run of segments found by `ArticleAssembler`: an article unless
/// `SectionReview` finds it is front matter, a house section or a link list.
struct Section {
    /// Segment indices.
    var title: Int
    var body: [Int] = []
    var whyHeadings: [Int] = []
    var why: [Int] = []
    /// Whether the paragraphs now go to the why section.
    var inWhy = false
    /// Whether the section ended because a new title started (not at a trailer).
    var endedByTitle = false
    /// Whether the title came right after a trailer, a separator, front matter or a house
    /// section (not after a why section or on evidence inside an article).
    var startedAfterDelimiter = true
    /// Set by `SectionReview` when the section is not an article.
    var skippedAs: SkipReason?
    var skipReason: LineReason = .noProse

    init(title: Int) {
        self.title = title
    }

    /// The segment indices that are body or why paragraphs.
    var paragraphs: [Int] { body + why }
}
