/// A parsed, valid rule: its expression and its distinct terms in order of first appearance.
struct CompiledRule: Sendable, Equatable {
    var expression: RuleExpression
    var terms: [RuleTerm]

    /// Parses a rule's text; throws every problem found, in text order.
    static func parse(_ text: String) throws(RuleSyntaxErrors) -> CompiledRule {
        var parser = RuleParser(text)
        return try parser.parse()
    }
}
