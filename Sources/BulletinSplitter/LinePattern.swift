/// One splitter pattern compiled by bulletind's own matcher (no ICU): the ICU regular
/// expression syntax `SplitterConfig` documents, matched case-insensitively with ICU's
/// rules (full case folding for literal text, so "Straße" matches "STRASSE"; simple folding
/// for single characters and bracket expressions; `\b` between `\w` and `\W`).
struct LinePattern: Sendable {
    let root: PatternNode
    let groupCount: Int
    /// Rules lines out without running the matcher; nil when the pattern allows no such test.
    let prefilter: LinePrefilter?

    /// Throws `SplitterConfigError` naming the pattern, the problem and where it is.
    init(_ pattern: String) throws(SplitterConfigError) {
        var parser = PatternParser(pattern)
        do {
            root = try parser.parse()
        } catch {
            throw SplitterConfigError(pattern: pattern, message: error.message)
        }
        groupCount = parser.groupCount
        prefilter = LinePrefilter(patterns: [pattern])
    }

    /// Whether the whole of `scalars` matches.
    func matchesWhole(_ scalars: [Unicode.Scalar]) -> Bool {
        PatternMatcher(input: scalars, groupCount: groupCount).matchesWhole(root)
    }

    /// Whether the pattern matches somewhere in `text`.
    func occurs(in text: String) -> Bool {
        PatternMatcher(input: Array(text.unicodeScalars), groupCount: groupCount).occurs(root)
    }
}
