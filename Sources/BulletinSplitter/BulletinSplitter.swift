import BulletinReader

/// Splits a `Document` into its articles. Pure and deterministic; linear in the size of
/// the text.
///
/// Each article is a title, body paragraphs, and an optional "why it matters" section.
/// Every other non-blank line is skipped with a reason (trailer, masthead, contents,
/// intro, house section, link list, footer…), and `analyse` says for every line where it
/// went (`SplitResult.lines`; `Conservation` checks that nothing is lost or doubled). The
/// heuristics are documented on `SegmentBuilder` (lines → paragraphs, hard-wrap
/// detection, title shape), `ArticleAssembler` (paragraphs → sections) and
/// `SectionReview` (which sections are not articles).
public struct BulletinSplitter: Sendable {
    public let config: SplitterConfig

    private let defaultPatterns: CompiledPatterns
    private let layouts: [(layout: SplitterLayout, patterns: CompiledPatterns)]

    /// Compiles the configured patterns, and those of every layout, once.
    /// Throws `SplitterConfigError` when a pattern is not a valid regular expression.
    public init(config: SplitterConfig = .default) throws {
        self.config = config
        defaultPatterns = try CompiledPatterns(config)
        layouts = try config.layouts.map { ($0, try CompiledPatterns($0.config)) }
    }

    /// The articles in order, positions 1...n. Empty when the text holds no article.
    /// Titles, bodies and why sections are markup-free; paragraphs are separated by
    /// "\n\n" and hard-wrapped lines are joined with a space.
    public func split(_ document: Document, key: LayoutKey? = nil) -> [Article] {
        analyse(document, key: key).articles
    }

    /// The articles and what became of every line. `key` chooses the layout (the first
    /// whose `LayoutMatch` accepts it); without one, the document's title is the subject.
    public func analyse(_ document: Document, key: LayoutKey? = nil) -> SplitResult {
        let key = key ?? LayoutKey(subject: document.title)
        let chosen = layouts.first { $0.layout.match.accepts(key) }
        let patterns = chosen?.patterns ?? defaultPatterns
        let builder = SegmentBuilder(patterns: patterns, markup: document.markup)
        let (segments, lineCount) = builder.segments(of: document.text)
        let assembler = ArticleAssembler(segments: segments, mastheads: patterns.mastheads)
        var (sections, fates, measures) = assembler.assemble()
        SectionReview(segments: segments, measures: measures, isMasthead: assembler.isMasthead).review(&sections)
        return SplitResultBuilder(segments: segments, lineCount: lineCount)
            .build(sections: sections, fates: fates, layout: chosen?.layout.name)
    }
}
