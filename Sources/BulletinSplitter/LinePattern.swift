/// One splitter pattern compiled by bulletind's own matcher (no ICU): the ICU regular
/// expression syntax `SplitterConfig` documents, matched case-insensitively with ICU's
/// rules (full case folding for literal text, so "Straße" matches "STRASSE"; simple folding
/// for single characters and bracket expressions; `\b` between `\w` and `\W`).
///
/// Compiled once to a flat program (`PatternProgram`) that `PatternMatcher` runs without
/// reference counting; without back-references its work on a line is bounded by the
/// pattern's length times the line's.
public struct LinePattern: Sendable {
    let program: PatternProgram
    /// Rules lines out without running the matcher; nil when the pattern allows no such test.
    let prefilter: LinePrefilter?

    /// Throws `SplitterConfigError` naming the pattern, the problem and where it is.
    init(_ pattern: String) throws(SplitterConfigError) {
        let (root, groupCount) = try Self.parse(pattern)
        program = PatternCompiler.compile(root, groupCount: groupCount)
        prefilter = LinePrefilter(patterns: [pattern])
    }

    /// Checks that the splitter takes `pattern` (as any of `SplitterConfig`'s pattern lists or
    /// a layout's `subject`), without compiling it: throws the `SplitterConfigError` a
    /// `BulletinSplitter` with that pattern would throw, whose `message` says what is wrong
    /// and at which character ("unclosed group "(" at character 8").
    public static func validate(_ pattern: String) throws(SplitterConfigError) {
        _ = try parse(pattern)
    }

    private static func parse(_ pattern: String) throws(SplitterConfigError) -> (PatternNode, Int) {
        var parser = PatternParser(pattern)
        do {
            let root = try parser.parse()
            return (root, parser.groupCount)
        } catch {
            throw SplitterConfigError(pattern: pattern, message: error.message)
        }
    }

    /// Whether the whole of `scalars` matches.
    func matchesWhole(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.withUnsafeBufferPointer { program.matches($0, whole: true) }
    }

    /// Whether the whole of `scalars` matches.
    func matchesWhole(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        program.matches(scalars, whole: true)
    }

    /// Whether the pattern matches somewhere in `text`.
    func occurs(in text: String) -> Bool {
        Array(text.unicodeScalars).withUnsafeBufferPointer { program.matches($0, whole: false) }
    }
}
