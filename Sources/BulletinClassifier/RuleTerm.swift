/// One distinct term or phrase of a rule, normalised.
struct RuleTerm: Sendable, Equatable {
    /// The normalised words; the last one is a prefix when `isPrefix`.
    var words: [String]
    var isPrefix: Bool
    /// Nil: any field.
    var field: RuleField?
    /// The largest weight the term is written with (1 when written without `^`).
    var weight: Double
    /// True when the term occurs at least once outside any NOT (it then counts in the score).
    var isPositive: Bool
    /// The term as written, with its field, without its weight: `title:"data centre"`, `regulat*`.
    var display: String

    /// Identifies the term regardless of how it is written.
    struct Key: Hashable {
        var words: [String]
        var isPrefix: Bool
        var field: RuleField?
    }

    var key: Key { Key(words: words, isPrefix: isPrefix, field: field) }
}
