/// Parses a rule into a `CompiledRule`, collecting every problem it can.
///
/// Grammar (keywords upper-case; adjacent operands are joined by an implicit AND):
///
///     or      := and ("OR" and)*
///     and     := unary (["AND"] unary)*
///     unary   := "NOT" unary | primary
///     primary := [field ":"] ( term | phrase | "(" or ")" ) ["^" weight]   (no weight on groups)
struct RuleParser {
    private static let maxDepth = 100

    private let text: String
    private var tokens: [RuleToken] = []
    private var position = 0
    private var depth = 0
    private var errors: [RuleSyntaxError] = []
    private var terms: [RuleTerm] = []
    private var termIndex: [RuleTerm.Key: Int] = [:]

    init(_ text: String) { self.text = text }

    mutating func parse() throws(RuleSyntaxErrors) -> CompiledRule {
        var expression = RuleExpression.and([])
        do throws(RuleSyntaxError) {
            var lexer = RuleLexer(text)
            tokens = try lexer.tokenize()
            guard !tokens.isEmpty else { throw RuleSyntaxError(offset: nil, message: "empty rule") }
            expression = try parseOr(field: nil, negated: false)
            if position < tokens.count { throw unexpected(tokens[position]) }
        } catch {
            errors.append(error)
        }
        if errors.isEmpty && !terms.contains(where: \.isPositive) {
            errors.append(RuleSyntaxError(
                offset: nil,
                message: "the rule has no positive term (a rule made only of NOT terms can never match)"))
        }
        guard errors.isEmpty else {
            throw RuleSyntaxErrors(errors: errors.sorted { ($0.offset ?? -1) < ($1.offset ?? -1) })
        }
        return CompiledRule(expression: expression, terms: terms)
    }

    // MARK: - Grammar

    private mutating func parseOr(field: RuleField?, negated: Bool) throws(RuleSyntaxError) -> RuleExpression {
        var operands = [try parseAnd(field: field, negated: negated)]
        while let token = peek(), token.kind == .or {
            position += 1
            guard startsOperand(peek()) else { throw dangling(token, "OR") }
            operands.append(try parseAnd(field: field, negated: negated))
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd(field: RuleField?, negated: Bool) throws(RuleSyntaxError) -> RuleExpression {
        var operands = [try parseUnary(field: field, negated: negated)]
        while let token = peek() {
            if token.kind == .and {
                position += 1
                guard startsOperand(peek()) else { throw dangling(token, "AND") }
            } else if !startsOperand(token) {
                break
            }
            operands.append(try parseUnary(field: field, negated: negated))
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseUnary(field: RuleField?, negated: Bool) throws(RuleSyntaxError) -> RuleExpression {
        guard let token = peek(), token.kind == .not else { return try parsePrimary(field: field, negated: negated) }
        position += 1
        guard startsOperand(peek()) else { throw dangling(token, "NOT") }
        try enter(token)
        defer { depth -= 1 }
        return .not(try parseUnary(field: field, negated: !negated))
    }

    private mutating func parsePrimary(field: RuleField?, negated: Bool) throws(RuleSyntaxError) -> RuleExpression {
        guard let token = peek() else {
            throw RuleSyntaxError(offset: endOffset, message: "expected a term, phrase or group")
        }
        position += 1
        switch token.kind {
        case .field(let name):
            var scope = field
            if let named = RuleField(rawValue: name.lowercased()) {
                if field != nil {
                    errors.append(RuleSyntaxError(offset: token.offset, message: "field scopes cannot be nested"))
                }
                scope = named
            } else if name.isEmpty {
                errors.append(RuleSyntaxError(offset: token.offset, message: "expected a field name before ':'"))
            } else {
                errors.append(RuleSyntaxError(
                    offset: token.offset, message: "unknown field '\(name):' (use title:, body: or why:)"))
            }
            switch peek()?.kind {
            case .term, .phrase, .openParen: break
            default:
                throw RuleSyntaxError(
                    offset: token.offset, message: "expected a term, phrase or group after '\(name):'")
            }
            return try parsePrimary(field: scope, negated: negated)
        case .openParen:
            if peek()?.kind == .closeParen {
                throw RuleSyntaxError(offset: token.offset, message: "empty parentheses")
            }
            try enter(token)
            let inner = try parseOr(field: field, negated: negated)
            depth -= 1
            guard peek()?.kind == .closeParen else {
                throw RuleSyntaxError(offset: token.offset, message: "unbalanced parenthesis: '(' is never closed")
            }
            position += 1
            if let weight = peek(), case .weight = weight.kind {
                position += 1
                errors.append(RuleSyntaxError(
                    offset: weight.offset, message: "a weight applies to a term or phrase, not to a group"))
            }
            return inner
        case .term(let raw), .phrase(let raw):
            var weight = 1.0
            if let next = peek(), case .weight(let written) = next.kind {
                position += 1
                if next.offset != token.end {
                    errors.append(RuleSyntaxError(
                        offset: next.offset, message: "'^' must directly follow a term or phrase"))
                } else if let value = Double(written), value.isFinite, value > 0 {
                    weight = value
                } else {
                    errors.append(RuleSyntaxError(
                        offset: next.offset,
                        message: "invalid weight '^\(written)' (expected a positive number, e.g. ^2 or ^0.5)"))
                }
            }
            var isPhrase = false
            if case .phrase = token.kind { isPhrase = true }
            guard let index = addTerm(raw, isPhrase: isPhrase, at: token.offset, field: field,
                                      weight: weight, negated: negated) else {
                return .and([])
            }
            return .term(index)
        case .closeParen:
            throw RuleSyntaxError(offset: token.offset, message: "unbalanced parenthesis: ')' has no matching '('")
        case .and:
            throw dangling(token, "AND")
        case .or:
            throw dangling(token, "OR")
        case .not:
            throw dangling(token, "NOT")
        case .weight:
            throw RuleSyntaxError(offset: token.offset, message: "'^' must directly follow a term or phrase")
        }
    }

    // MARK: - Terms

    /// Validates and records a term or phrase; nil (with an error recorded) when invalid.
    private mutating func addTerm(
        _ raw: String, isPhrase: Bool, at offset: Int, field: RuleField?, weight: Double, negated: Bool
    ) -> Int? {
        var scalars = Array(raw.unicodeScalars)
        let contentOffset = offset + (isPhrase ? 1 : 0)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var isPrefix = false
        if scalars.last == "*" {
            isPrefix = true
            scalars.removeLast()
            let isWordEnd = scalars.last.map { !WordNormalizer.words(in: String($0)).isEmpty } ?? false
            if !isWordEnd {
                errors.append(RuleSyntaxError(
                    offset: contentOffset + scalars.count,
                    message: "wildcard '*' must directly follow the letters or digits of a word"))
                return nil
            }
        }
        if let star = scalars.firstIndex(of: "*") {
            errors.append(RuleSyntaxError(
                offset: contentOffset + star,
                message: isPhrase
                    ? "wildcard '*' is only allowed at the end of a phrase's last word"
                    : "wildcard '*' is only allowed at the end of a word"))
            return nil
        }
        let words = WordNormalizer.words(in: String(String.UnicodeScalarView(scalars)))
        guard !words.isEmpty else {
            errors.append(RuleSyntaxError(
                offset: offset,
                message: isPhrase ? "empty phrase" : "term '\(raw)' has no letters or digits"))
            return nil
        }
        let written = isPhrase ? "\"\(raw)\"" : raw
        let display = (field.map { "\($0.rawValue):" } ?? "") + written
        let term = RuleTerm(words: words, isPrefix: isPrefix, field: field, weight: weight,
                            isPositive: !negated, display: display)
        if let existing = termIndex[term.key] {
            terms[existing].weight = max(terms[existing].weight, weight)
            terms[existing].isPositive = terms[existing].isPositive || !negated
            return existing
        }
        termIndex[term.key] = terms.count
        terms.append(term)
        return terms.count - 1
    }

    // MARK: - Helpers

    private func peek() -> RuleToken? { position < tokens.count ? tokens[position] : nil }

    private var endOffset: Int { tokens.last?.end ?? 0 }

    private func startsOperand(_ token: RuleToken?) -> Bool {
        switch token?.kind {
        case .term, .phrase, .openParen, .not, .field: true
        default: false
        }
    }

    private mutating func enter(_ token: RuleToken) throws(RuleSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw RuleSyntaxError(offset: token.offset, message: "the rule is nested too deeply")
        }
    }

    private func dangling(_ token: RuleToken, _ name: String) -> RuleSyntaxError {
        RuleSyntaxError(offset: token.offset,
                        message: "dangling operator '\(name)': it needs a term, phrase or group on each side")
    }

    private func unexpected(_ token: RuleToken) -> RuleSyntaxError {
        switch token.kind {
        case .closeParen:
            RuleSyntaxError(offset: token.offset, message: "unbalanced parenthesis: ')' has no matching '('")
        case .weight:
            RuleSyntaxError(offset: token.offset, message: "'^' must directly follow a term or phrase")
        default:
            RuleSyntaxError(offset: token.offset, message: "unexpected token")
        }
    }
}
