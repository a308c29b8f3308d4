/// A token of the rule language, with its offset (in Unicode scalars) in the rule text.
struct RuleToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case and, or, not
        case openParen, closeParen
        /// `name:` before a term, phrase or group.
        case field(String)
        /// A bare term as written, possibly ending in `*`.
        case term(String)
        /// A quoted phrase's content (without the quotes).
        case phrase(String)
        /// `^` and the text after it, up to a space or parenthesis.
        case weight(String)
    }

    var kind: Kind
    var offset: Int
    /// Offset of the first character after the token.
    var end: Int
}
