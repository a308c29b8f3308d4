/// A rule's boolean expression; terms are indices into the rule's `terms`.
indirect enum RuleExpression: Sendable, Equatable {
    case term(Int)
    case and([RuleExpression])
    case or([RuleExpression])
    case not(RuleExpression)

    /// Evaluates the expression, `isMatched(i)` telling whether term `i` matched.
    func evaluate(_ isMatched: (Int) -> Bool) -> Bool {
        switch self {
        case .term(let index): isMatched(index)
        case .and(let operands): operands.allSatisfy { $0.evaluate(isMatched) }
        case .or(let operands): operands.contains { $0.evaluate(isMatched) }
        case .not(let operand): !operand.evaluate(isMatched)
        }
    }
}
