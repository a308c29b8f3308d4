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
    /// Each layout with its patterns and its `subject` patterns, compiled.
    private let layouts: [(layout: SplitterLayout, patterns: CompiledPatterns, subjects: [LinePattern])]

    /// Compiles the configured patterns, and those of every layout (with its `subject`
    /// patterns, which choose it), once.
    /// Throws `SplitterConfigError` when a pattern is not a valid regular expression.
    public init(config: SplitterConfig = .default) throws {
        self.config = config
        defaultPatterns = try CompiledPatterns(config)
        layouts = try config.layouts.map { ($0, try CompiledPatterns($0.config), $0.match.compiledSubjects()) }
    }

    /// The articles in order, positions 1...n. Empty when the text holds no article.
    /// Titles, bodies and why sections are markup-free; paragraphs are separated by
    /// "\n\n" and hard-wrapped lines are joined with a space.
    public func split(_ document: Document, key: LayoutKey? = nil) -> [Article] {
        analyse(document, key: key).articles
    }

    /// The articles and what became of every line. `key` chooses the layout (the first
    /// whose `LayoutMatch` accepts it); without one, the document's title is the subject.
    ///
    /// `boilerplate`: the `BoilerplateFingerprint`s of lines seen in the sender's earlier
    /// bulletins (see `BoilerplateReview`); a section titled by one of them is front or back
    /// matter, not an article. When given (even empty), `SplitResult.fingerprints` lists
    /// what to remember of this bulletin.
    public func analyse(_ document: Document, key: LayoutKey? = nil, boilerplate: Set<Int64>? = nil) -> SplitResult {
        let key = key ?? LayoutKey(subject: document.title)
        let chosen = layout(for: key)
        let patterns = chosen?.patterns ?? defaultPatterns
        let builder = SegmentBuilder(patterns: patterns, markup: document.markup)
        let (segments, lineCount) = builder.segments(of: document.text)
        let assembler = ArticleAssembler(segments: segments, mastheads: patterns.mastheads)
        var (sections, fates, measures) = assembler.assemble()
        SectionReview(segments: segments, measures: measures, isMasthead: assembler.isMasthead).review(&sections)
        var remembered: [Int64] = []
        if let boilerplate {
            let review = BoilerplateReview(segments: segments, known: boilerplate)
            remembered = review.remembered(sections: sections, fates: fates)
            review.review(&sections)
        }
        var result = SplitResultBuilder(segments: segments, lineCount: lineCount)
            .build(sections: sections, fates: fates, layout: chosen?.layout.name)
        result.fingerprints = remembered
        return result
    }

    private func layout(for key: LayoutKey) -> (layout: SplitterLayout, patterns: CompiledPatterns)? {
        layouts.first { $0.layout.match.accepts(key, subjects: $0.subjects) }.map { ($0.layout, $0.patterns) }
    }

    /// Whose earlier bulletins a document's repeated boilerplate is looked up in: the
    /// sender's address (lower-cased, the part between `<` and `>` when there is one), else
    /// the `List-Id`, else "layout:" and the name of the layout chosen for `key`, else nil
    /// (then repeated boilerplate is not recognised).
    public func boilerplateSender(for key: LayoutKey) -> String? {
        func clean(_ value: String?) -> String? {
            guard let value else { return nil }
            // Spaces and tabs (Foundation's `.whitespaces`: tab and `\p{Zs}`) off both ends.
            let blank: (Unicode.Scalar) -> Bool = { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
            let scalars = value.unicodeScalars
            guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else {
                return nil
            }
            let trimmed = String(scalars[first...last]).lowercased()
            return trimmed.isEmpty ? nil : trimmed
        }
        if let from = clean(key.from) { return "from:" + (clean(LayoutMatch.address(in: from)) ?? from) }
        if let list = clean(key.listID) { return "list:" + list }
        return layout(for: key).map { "layout:" + $0.layout.name }
    }
}
