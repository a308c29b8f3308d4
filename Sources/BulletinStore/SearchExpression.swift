/// A parsed search query (`SearchQueryTranslator.parse`), for a backend to render in its own
/// full-text syntax: FTS5 for SQLite (`SearchQueryTranslator.fts5`), a `tsquery` for PostgreSQL.
public indirect enum SearchExpression: Sendable, Equatable {
    /// A word or a quoted phrase (the text as the user wrote it, quotes removed); `prefix`:
    /// its last word is a prefix (`regul*`, `"data protec"*`).
    case term(String, prefix: Bool)
    /// Both sides match (explicit `AND` or two terms side by side).
    case and(SearchExpression, SearchExpression)
    /// Either side matches.
    case or(SearchExpression, SearchExpression)
    /// The left side matches and the right side does not (`a NOT b`).
    case not(SearchExpression, SearchExpression)
}
