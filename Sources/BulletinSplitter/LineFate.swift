/// What one line of a bulletin became, and the rule that decided it.
public struct LineFate: Sendable, Equatable {
    public var role: LineRole
    public var reason: LineReason
    /// Whether the line starts a paragraph (or title, or structural line) rather than
    /// continuing the one above it (hard-wrapped text).
    public var startsParagraph: Bool

    public init(role: LineRole, reason: LineReason, startsParagraph: Bool = true) {
        self.role = role
        self.reason = reason
        self.startsParagraph = startsParagraph
    }
}
