/// Translates the user's search syntax into a safe FTS5 MATCH expression.
///
/// Syntax: words (all must match), `"quoted phrases"`, `OR`, `NOT`, an optional `AND`
/// (operators in upper case only; lower-case `or` is an ordinary word), `prefix*`
/// (also `"quoted phras"*`), and parentheses. Precedence from tightest: `NOT`, `AND`
/// (explicit or implicit), `OR`; `a AND NOT b` means `a NOT b`.
///
/// Every word and phrase is emitted as a quoted FTS5 string and every operation is
/// parenthesised, so no user text is ever interpreted as FTS5 syntax (column filters,
/// `NEAR`, `^`…). Words without any letter or digit (a lone `-`, `&`) are ignored.
/// A malformed query throws `StoreError.invalidQuery` with one readable line.
public enum SearchQueryTranslator {
    /// Longer queries are refused (they would only slow the search down).
    public static let maxTokens = 200

    public static func fts5(_ text: String) throws -> String {
        fts5(try parse(text))
    }

    /// The query as a tree, for a backend that renders its own syntax. Throws
    /// `StoreError.invalidQuery` exactly when `fts5` does.
    public static func parse(_ text: String) throws -> SearchExpression {
        var tokens = try lex(Array(text.unicodeScalars))
        tokens = collapseAndNot(tokens)
        if tokens.isEmpty {
            throw StoreError.invalidQuery("the query has no words to search for")
        }
        if tokens.count > maxTokens {
            throw StoreError.invalidQuery("the query is too long: use at most \(maxTokens) words and operators")
        }
        var parser = Parser(tokens: tokens)
        let expression = try parser.parseOr()
        if parser.index < tokens.count {
            // The only token parseOr stops at without consuming it is a ')'.
            throw StoreError.invalidQuery("a ')' has no matching '('")
        }
        return expression
    }

    /// `expression` as an FTS5 MATCH expression: every term a quoted string, every operation
    /// parenthesised.
    public static func fts5(_ expression: SearchExpression) -> String {
        switch expression {
        case .term(let text, let prefix): return quoted(text, prefix: prefix)
        case .and(let l, let r): return "(\(fts5(l)) AND \(fts5(r)))"
        case .or(let l, let r): return "(\(fts5(l)) OR \(fts5(r)))"
        case .not(let l, let r): return "(\(fts5(l)) NOT \(fts5(r)))"
        }
    }

    enum Token: Equatable {
        case term(String, prefix: Bool)
        case and, or, not, open, close
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    private static func hasWordCharacter(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        scalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    private static func lex(_ s: [Unicode.Scalar]) throws -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if isSpace(c) {
                i += 1
            } else if c == "(" {
                tokens.append(.open); i += 1
            } else if c == ")" {
                tokens.append(.close); i += 1
            } else if c == "\"" {
                var j = i + 1
                while j < s.count && s[j] != "\"" { j += 1 }
                guard j < s.count else {
                    throw StoreError.invalidQuery("a quoted phrase is not closed: add the missing \"")
                }
                let content = s[(i + 1)..<j]
                var prefix = false
                j += 1
                if j < s.count && s[j] == "*" {
                    prefix = true
                    j += 1
                }
                if hasWordCharacter(content) {
                    tokens.append(.term(String(String.UnicodeScalarView(content)), prefix: prefix))
                }
                i = j
            } else {
                var j = i
                while j < s.count && !isSpace(s[j]) && s[j] != "\"" && s[j] != "(" && s[j] != ")" { j += 1 }
                var word = s[i..<j]
                i = j
                switch String(String.UnicodeScalarView(word)) {
                case "AND": tokens.append(.and); continue
                case "OR": tokens.append(.or); continue
                case "NOT": tokens.append(.not); continue
                default: break
                }
                var prefix = false
                while let last = word.last, last == "*" {
                    prefix = true
                    word = word.dropLast()
                }
                if prefix && !hasWordCharacter(word) {
                    throw StoreError.invalidQuery("a * must follow a word, as in regul*")
                }
                if hasWordCharacter(word) {
                    tokens.append(.term(String(String.UnicodeScalarView(word)), prefix: prefix))
                }
            }
        }
        return tokens
    }

    private static func collapseAndNot(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() {
            if token == .and && i + 1 < tokens.count && tokens[i + 1] == .not { continue }
            out.append(token)
        }
        return out
    }

    private static func quoted(_ text: String, prefix: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 3)
        for ch in text.unicodeScalars {
            if ch == "\"" { escaped.unicodeScalars.append("\"") }
            escaped.unicodeScalars.append(ch)
        }
        return "\"" + escaped + "\"" + (prefix ? "*" : "")
    }

    private struct Parser {
        let tokens: [Token]
        var index = 0
        var depth = 0

        init(tokens: [Token]) { self.tokens = tokens }

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        static func name(_ token: Token) -> String {
            switch token {
            case .and: return "AND"
            case .or: return "OR"
            case .not: return "NOT"
            case .open: return "("
            case .close: return ")"
            case .term(let t, _): return t
            }
        }

        mutating func parseOr() throws -> SearchExpression {
            var left = try parseAnd()
            while peek == .or {
                index += 1
                try requireOperand(after: .or)
                let right = try parseAnd()
                left = .or(left, right)
            }
            return left
        }

        mutating func parseAnd() throws -> SearchExpression {
            var left = try parseNot()
            while let next = peek {
                switch next {
                case .and:
                    index += 1
                    try requireOperand(after: .and)
                case .term, .open:
                    break
                default:
                    return left
                }
                let right = try parseNot()
                left = .and(left, right)
            }
            return left
        }

        mutating func parseNot() throws -> SearchExpression {
            var left = try parsePrimary()
            while peek == .not {
                index += 1
                try requireOperand(after: .not)
                let right = try parsePrimary()
                left = .not(left, right)
            }
            return left
        }

        mutating func parsePrimary() throws -> SearchExpression {
            guard let token = peek else {
                throw StoreError.invalidQuery("the query ends where a word was expected")
            }
            switch token {
            case .term(let text, let prefix):
                index += 1
                return .term(text, prefix: prefix)
            case .open:
                index += 1
                depth += 1
                guard depth <= 100 else {
                    throw StoreError.invalidQuery("too many nested parentheses")
                }
                if peek == .close {
                    throw StoreError.invalidQuery("empty parentheses: put words between ( and )")
                }
                let inner = try parseOr()
                guard peek == .close else {
                    throw StoreError.invalidQuery("a '(' is not closed: add the missing ')'")
                }
                index += 1
                depth -= 1
                return inner
            case .close:
                throw StoreError.invalidQuery("a ')' has no matching '('")
            case .not:
                throw StoreError.invalidQuery("NOT needs a word before it, as in privacy NOT cookies")
            case .and, .or:
                throw StoreError.invalidQuery("\(Self.name(token)) needs a word on both sides, as in privacy \(Self.name(token)) cookies")
            }
        }

        func requireOperand(after op: Token) throws {
            switch peek {
            case .term?, .open?:
                return
            default:
                throw StoreError.invalidQuery("\(Self.name(op)) needs a word after it, as in privacy \(Self.name(op)) cookies")
            }
        }
    }
}
