import BulletinReader

/// Splits a `Document` into its articles. Pure and deterministic; linear in the size of
/// the text.
///
/// Each article is a title, body paragraphs, and an optional "why it matters" section.
/// Trailer lines end articles and are dropped; mastheads, tables of contents and footers
/// are dropped. The heuristics are documented on `SegmentBuilder` (lines → paragraphs,
/// hard-wrap detection, title shape) and `ArticleAssembler` (paragraphs → articles).
public struct BulletinSplitter: Sendable {
    public let config: SplitterConfig

    /// Footer lines are short; longer lines are not matched against footer patterns.
    static let footerLineLengthLimit = 400

    private let trailers: LinePatternSet
    private let whyHeadings: LinePatternSet
    private let footers: LinePatternSet
    private let captions: LinePatternSet

    /// Compiles the configured patterns once.
    /// Throws `SplitterConfigError` when a pattern is not a valid regular expression.
    public init(config: SplitterConfig = .default) throws {
        self.config = config
        trailers = try LinePatternSet(config.trailerPatterns)
        whyHeadings = try LinePatternSet(config.whyHeadingPatterns)
        footers = try LinePatternSet(config.footerPatterns, lengthLimit: Self.footerLineLengthLimit)
        captions = try LinePatternSet(config.captionPatterns)
    }

    /// The articles in order, positions 1...n. Empty when the text holds no article.
    /// Titles, bodies and why sections are markup-free; paragraphs are separated by
    /// "\n\n" and hard-wrapped lines are joined with a space.
    public func split(_ document: Document) -> [Article] {
        let builder = SegmentBuilder(
            trailers: trailers, whyHeadings: whyHeadings, footers: footers, captions: captions,
            markup: document.markup)
        return ArticleAssembler(segments: builder.segments(of: document.text)).articles()
    }
}
