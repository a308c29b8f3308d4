import BulletinStore

/// Renders parsed search queries (`SearchQueryTranslator.parse`) as PostgreSQL `tsquery`
/// expressions over bound parameters: no user text is ever SQL or tsquery syntax.
///
/// A word or phrase becomes `phraseto_tsquery('bulletind', $n)` (the document's own parser and
/// dictionaries, so accents and case fold the same way, and a phrase matches adjacent words);
/// a prefix term becomes `to_tsquery('bulletind', $n)` with the quoted text and `:*` (every
/// word of a prefixed phrase is a prefix, where FTS5 makes only the last one). AND, OR and NOT
/// become `&&`, `||` and `&& !!`.
struct TSQueryBuilder {
    /// The values of the placeholders rendered so far, in order (`$1`…).
    private(set) var values: [SQLValue] = []

    /// The SQL expression of `expression`; its values are appended to `values`.
    mutating func render(_ expression: SearchExpression) -> String {
        switch expression {
        case .term(let text, prefix: false):
            return "phraseto_tsquery('bulletind', \(placeholder(text)))"
        case .term(let text, prefix: true):
            return "to_tsquery('bulletind', \(placeholder(Self.quotedPrefix(text))))"
        case .and(let l, let r):
            return "(\(render(l)) && \(render(r)))"
        case .or(let l, let r):
            return "(\(render(l)) || \(render(r)))"
        case .not(let l, let r):
            return "(\(render(l)) && !!\(render(r)))"
        }
    }

    /// A placeholder for one more value.
    mutating func placeholder(_ value: SQLValue) -> String {
        values.append(value)
        return "$\(values.count)"
    }

    private mutating func placeholder(_ text: String) -> String { placeholder(.text(text)) }

    /// The terms a match must (or may) contain, for ranking: every term except those under NOT.
    static func positiveTerms(_ expression: SearchExpression) -> [SearchExpression] {
        switch expression {
        case .term: return [expression]
        case .and(let l, let r), .or(let l, let r): return positiveTerms(l) + positiveTerms(r)
        case .not(let l, _): return positiveTerms(l)
        }
    }

    /// `text` as one quoted tsquery operand with the prefix mark: `'data protec':*`.
    static func quotedPrefix(_ text: String) -> String {
        var quoted = "'"
        for ch in text.unicodeScalars {
            if ch == "'" || ch == "\\" { quoted.unicodeScalars.append(ch) }
            quoted.unicodeScalars.append(ch)
        }
        return quoted + "':*"
    }
}
