/// The part of an article a term can be limited to with `title:`, `body:` or `why:`.
public enum RuleField: String, Sendable, CaseIterable, Codable {
    case title
    case body
    case why
}
