/// An article being assembled by `ArticleAssembler`.
struct Draft {
    var title: Segment
    var body: [String] = []
    var why: [String] = []
    /// Whether the paragraphs now go to the why section.
    var inWhy = false
    /// Whether the article ended because a new title started (not at a trailer).
    var endedByTitle = false

    init(title: Segment) {
        self.title = title
    }

    mutating func append(_ paragraph: String) {
        if inWhy { why.append(paragraph) } else { body.append(paragraph) }
    }
}
