/// Where one line of a bulletin's text ended up. Article numbers are `Article.position`.
public enum LineRole: Sendable, Equatable {
    /// An empty line.
    case blank
    /// (Part of) the article's title.
    case title(article: Int)
    /// (Part of) a body paragraph of the article.
    case body(article: Int)
    /// The heading that opens the article's "why it matters" section (not in `Article.why`).
    case whyHeading(article: Int)
    /// (Part of) a paragraph of the article's "why it matters" section.
    case why(article: Int)
    /// Not in any article: front or back matter, a trailer, a house section.
    case skipped(SkipReason)

    /// The article the line belongs to, if any.
    public var article: Int? {
        switch self {
        case .title(let n), .body(let n), .whyHeading(let n), .why(let n): n
        case .blank, .skipped: nil
        }
    }

    /// A short name: `title`, `body`, `why-heading`, `why`, `blank`, or the skip reason.
    public var name: String {
        switch self {
        case .blank: "blank"
        case .title: "title"
        case .body: "body"
        case .whyHeading: "why-heading"
        case .why: "why"
        case .skipped(let reason): reason.rawValue
        }
    }
}
