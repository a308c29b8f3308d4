/// Splits a rule's text into tokens. Reports unterminated phrases; never fails otherwise.
struct RuleLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func tokenize() throws(RuleSyntaxError) -> [RuleToken] {
        var tokens: [RuleToken] = []
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            switch scalar {
            case "(":
                index += 1
                tokens.append(RuleToken(kind: .openParen, offset: start, end: index))
            case ")":
                index += 1
                tokens.append(RuleToken(kind: .closeParen, offset: start, end: index))
            case "\"", "\u{201C}", "\u{201D}", "\u{201E}":
                index += 1
                let contentStart = index
                while index < scalars.count, !Self.isPhraseQuote(scalars[index]) { index += 1 }
                guard index < scalars.count else {
                    throw RuleSyntaxError(offset: start, message: "unterminated phrase: missing closing '\"'")
                }
                let content = String(String.UnicodeScalarView(scalars[contentStart..<index]))
                index += 1
                tokens.append(RuleToken(kind: .phrase(content), offset: start, end: index))
            case "^":
                index += 1
                while index < scalars.count, !Self.endsWeight(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
                tokens.append(RuleToken(kind: .weight(text), offset: start, end: index))
            default:
                while index < scalars.count, !Self.endsWord(scalars[index]) {
                    if scalars[index] == ":" { break }
                    index += 1
                }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                if index < scalars.count, scalars[index] == ":" {
                    index += 1
                    tokens.append(RuleToken(kind: .field(word), offset: start, end: index))
                    continue
                }
                let kind: RuleToken.Kind = switch word {
                case "AND": .and
                case "OR": .or
                case "NOT": .not
                default: .term(word)
                }
                tokens.append(RuleToken(kind: kind, offset: start, end: index))
            }
        }
        return tokens
    }

    private static func isPhraseQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{201E}"
    }

    private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "(" || scalar == ")" || scalar == "^" || isPhraseQuote(scalar)
    }

    private static func endsWeight(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "(" || scalar == ")" || isPhraseQuote(scalar)
    }
}
