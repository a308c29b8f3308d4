/// The part of an article a term can be limited to with `title:`, `body:` or `why:`.
enum RuleField: String, Sendable, CaseIterable {
    case title
    case body
    case why
}
