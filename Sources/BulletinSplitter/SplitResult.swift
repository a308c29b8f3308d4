/// A bulletin split into articles, with what became of each of its lines.
public struct SplitResult: Sendable, Equatable {
    /// The articles in order, positions 1...n.
    public var articles: [Article]
    /// One entry per line of `Document.text` (split at "\n"), in order: every non-blank
    /// line is in exactly one article's title, body, why heading or why section, or is
    /// skipped with a `SkipReason` (see `Conservation`).
    public var lines: [LineFate]
    /// The name of the `SplitterLayout` used, nil for the default patterns.
    public var layout: String?
    /// What to remember of this bulletin to recognise repeated boilerplate in the sender's
    /// later ones: the distinct `BoilerplateFingerprint`s of its titles and skipped
    /// paragraphs (not trailers or markup). Empty unless `analyse` was given a
    /// `boilerplate` set (possibly empty).
    public var fingerprints: [Int64]

    public init(articles: [Article], lines: [LineFate], layout: String?, fingerprints: [Int64] = []) {
        self.articles = articles
        self.lines = lines
        self.layout = layout
        self.fingerprints = fingerprints
    }

    /// The skipped lines, 1-based line numbers, in order.
    public var skipped: [(line: Int, reason: SkipReason)] {
        lines.enumerated().compactMap { offset, fate in
            if case .skipped(let reason) = fate.role { return (offset + 1, reason) }
            return nil
        }
    }
}
