/// One piece of a compiled splitter pattern (`LinePattern`), with ICU's case-insensitive
/// meaning already applied: literal text is stored case-folded.
indirect enum PatternNode: Sendable {
    /// One literal character, simple-folded: matches an input scalar whose simple folding
    /// is this one (ICU's single-character literal).
    case scalar(Unicode.Scalar)
    /// Literal text, fully folded: matches input whose full folding is exactly this, whole
    /// input scalars only ("ss" matches "ß", "fi" matches "ﬁ"; ICU's literal string).
    case text([Unicode.Scalar])
    /// `.`: any scalar but a line terminator.
    case any
    /// A bracket expression or a class escape (`\d`, `\s`, `\w`, `\p{…}` and negations).
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// A capturing group and its number (1-based).
    case capture(PatternNode, Int)
    /// `(?>…)`, and possessive quantifiers: the first way the inside matches, never retried.
    case atomic(PatternNode)
    case lookahead(PatternNode, negative: Bool)
    case lookbehind(PatternNode, negative: Bool)
    /// `maximum` nil: no upper bound.
    case repetition(PatternNode, minimum: Int, maximum: Int?, lazy: Bool)
    /// `\1`…`\9`, `\k<name>`: the group's text again, compared case-insensitively.
    case backReference(Int)
    case anchor(PatternAnchor)

    /// Whether the node always matches exactly one input scalar.
    var isSingleScalar: Bool {
        switch self {
        case .scalar, .any, .set: true
        default: false
        }
    }
}

/// The zero-width assertions of a splitter pattern.
enum PatternAnchor: Sendable {
    /// `^`, `\A`, `\G`: the start of the line.
    case start
    /// `$`, `\Z`: the end of the line, or before a line terminator that ends it.
    case end
    /// `\z`: the very end.
    case absoluteEnd
    /// `\b`, `\B`: between a word character and a non-word one (ICU's default rule, combining
    /// marks belong to the character before them).
    case wordBoundary
    case notWordBoundary
}
