/// The problems of one rule (at least one).
struct RuleSyntaxErrors: Error, Sendable {
    var errors: [RuleSyntaxError]
}
