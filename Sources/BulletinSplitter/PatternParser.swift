/// Reads a splitter pattern into `PatternNode`s: the ICU regular-expression syntax the
/// configuration allows (see `SplitterConfig`), with ICU's case-insensitive meaning.
///
/// Literal characters that follow each other form one literal text, folded fully ("Straße"
/// becomes "strasse"); a quantifier takes only the last of them, as in ICU.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var groupCount = 0
    private var groupNames: [String: Int] = [:]

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// A pattern that is not valid, or uses syntax the splitter does not support.
    struct Failure: Error {
        var message: String
    }

    /// The whole pattern; throws at the first problem, naming its position (1-based, in characters).
    mutating func parse() throws(Failure) -> PatternNode {
        let node = try parseAlternation()
        if index < scalars.count {
            throw fail("unmatched \")\"")
        }
        return node
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func fail(_ message: String, at position: Int? = nil) -> Failure {
        Failure(message: "\(message) at character \((position ?? index) + 1)")
    }

    private mutating func parseAlternation() throws(Failure) -> PatternNode {
        var branches = [try parseSequence()]
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(Failure) -> PatternNode {
        var items: [PatternNode] = []
        var literal: [Unicode.Scalar] = []
        func flush() {
            if !literal.isEmpty { items.append(Self.literalNode(literal)) }
            literal = []
        }
        while let scalar = current, scalar != "|", scalar != ")" {
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "Q" {
                index += 2
                while index < scalars.count {
                    if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "E" {
                        index += 2
                        break
                    }
                    literal.append(scalars[index])
                    index += 1
                }
                continue
            }
            let start = index
            let atom = try parseAtom()
            if case .literal(let character) = atom {
                if isQuantifierNext {
                    flush()
                    items.append(try parseQuantifier(applyingTo: Self.literalNode([character])))
                } else {
                    literal.append(character)
                }
                continue
            }
            flush()
            guard case .node(let node) = atom else { continue }
            if isQuantifierNext {
                if case .anchor = node { throw fail("nothing to repeat", at: start) }
                items.append(try parseQuantifier(applyingTo: node))
            } else {
                items.append(node)
            }
        }
        flush()
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private static func literalNode(_ characters: [Unicode.Scalar]) -> PatternNode {
        let folded = characters.flatMap(CaseFolding.full)
        return folded.count == 1 ? .scalar(folded[0]) : .text(folded)
    }

    private enum Atom {
        case literal(Unicode.Scalar)
        case node(PatternNode)
        /// A comment or an option-free group that adds nothing.
        case nothing
    }

    private var isQuantifierNext: Bool {
        guard let scalar = current else { return false }
        if scalar == "*" || scalar == "+" || scalar == "?" { return true }
        return scalar == "{" && intervalAhead() != nil
    }

    private mutating func parseAtom() throws(Failure) -> Atom {
        let start = index
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "(":
            return try parseGroup(start: start)
        case "[":
            return .node(.set(try parseBracket(start: start)))
        case ".":
            return .node(.any)
        case "^":
            return .node(.anchor(.start))
        case "$":
            return .node(.anchor(.end))
        case "\\":
            return try parseEscape(inBracket: false)
        case "*", "+", "?":
            throw fail("nothing to repeat before \"\(scalar)\"", at: start)
        case "{":
            throw fail("\"{\" starts no repetition such as {2,5} (write \\{ for the brace)", at: start)
        default:
            return .literal(scalar)
        }
    }

    private mutating func parseGroup(start: Int) throws(Failure) -> Atom {
        var make: (PatternNode) -> PatternNode
        if current == "?" {
            index += 1
            guard let kind = current else { throw fail("unclosed group", at: start) }
            index += 1
            switch kind {
            case ":":
                make = { $0 }
            case ">":
                make = { .atomic($0) }
            case "=":
                make = { .lookahead($0, negative: false) }
            case "!":
                make = { .lookahead($0, negative: true) }
            case "#":
                while let scalar = current, scalar != ")" { index += 1 }
                guard current == ")" else { throw fail("unclosed comment", at: start) }
                index += 1
                return .nothing
            case "<" where current == "=" || current == "!":
                let negative = current == "!"
                index += 1
                make = { .lookbehind($0, negative: negative) }
            case "<":
                var name = ""
                while let scalar = current, scalar != ">" {
                    guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                        throw fail("a group name holds letters and digits only")
                    }
                    name.unicodeScalars.append(scalar)
                    index += 1
                }
                guard current == ">", !name.isEmpty else { throw fail("unclosed group name", at: start) }
                index += 1
                groupCount += 1
                let number = groupCount
                groupNames[name] = number
                make = { .capture($0, number) }
            default:
                // (?i) is what every pattern already is; other flags would change the meaning.
                if kind == "i", current == ")" {
                    index += 1
                    return .nothing
                }
                if kind == "i", current == ":" {
                    index += 1
                    make = { $0 }
                } else {
                    throw fail("inline flags \"(?\(kind)…\" are not supported (patterns are always case-insensitive)", at: start)
                }
            }
        } else {
            groupCount += 1
            let number = groupCount
            make = { .capture($0, number) }
        }
        let inner = try parseAlternation()
        guard current == ")" else { throw fail("unclosed group \"(\"", at: start) }
        index += 1
        return .node(make(inner))
    }

    /// `{n}`, `{n,}`, `{n,m}` at the current position: its bounds and length.
    private func intervalAhead() -> (minimum: Int, maximum: Int?, length: Int)? {
        var position = index + 1
        func number() -> Int? {
            var value = 0
            var digits = 0
            while position < scalars.count, ("0"..."9").contains(scalars[position]), digits < 7 {
                value = value * 10 + Int(scalars[position].value - 48)
                digits += 1
                position += 1
            }
            return digits > 0 ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if position < scalars.count, scalars[position] == "," {
            position += 1
            maximum = number()
        }
        guard position < scalars.count, scalars[position] == "}" else { return nil }
        return (minimum, maximum, position + 1 - index)
    }

    private mutating func parseQuantifier(applyingTo node: PatternNode) throws(Failure) -> PatternNode {
        let start = index
        let minimum: Int
        let maximum: Int?
        switch current {
        case "*": (minimum, maximum) = (0, nil); index += 1
        case "+": (minimum, maximum) = (1, nil); index += 1
        case "?": (minimum, maximum) = (0, 1); index += 1
        default:
            guard let interval = intervalAhead() else { throw fail("bad repetition", at: start) }
            if let maximum = interval.maximum, maximum < interval.minimum {
                throw fail("repetition {\(interval.minimum),\(maximum)} has its bounds the wrong way round", at: start)
            }
            (minimum, maximum) = (interval.minimum, interval.maximum)
            index += interval.length
        }
        var lazy = false
        var possessive = false
        if current == "?" {
            lazy = true
            index += 1
        } else if current == "+" {
            possessive = true
            index += 1
        }
        if let scalar = current, scalar == "*" || scalar == "+" || scalar == "?" || (scalar == "{" && intervalAhead() != nil) {
            throw fail("nothing to repeat before \"\(scalar)\"")
        }
        let repeated = PatternNode.repetition(node, minimum: minimum, maximum: maximum, lazy: lazy)
        return possessive ? .atomic(repeated) : repeated
    }

    /// After a `\`. In a bracket expression, `\b` is a backspace and anchors are not allowed.
    private mutating func parseEscape(inBracket: Bool) throws(Failure) -> Atom {
        let start = index - 1
        guard let scalar = current else { throw fail("\"\\\" at the end of the pattern", at: start) }
        index += 1
        func set(_ scalarClass: ScalarClass, _ negated: Bool) -> Atom {
            .node(.set(ScalarSet(items: [.scalarClass(scalarClass, negated: negated)], negated: false)))
        }
        switch scalar {
        case "d", "D": return set(.digit, scalar == "D")
        case "s", "S": return set(.space, scalar == "S")
        case "w", "W": return set(.word, scalar == "W")
        case "h", "H": return set(.horizontalSpace, scalar == "H")
        case "v", "V": return set(.verticalSpace, scalar == "V")
        case "p", "P":
            guard current == "{", let close = scalars[index...].firstIndex(of: "}") else {
                throw fail("\\\(scalar) needs a property in braces, such as \\p{L}", at: start)
            }
            var name = ""
            name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
            guard let scalarClass = ScalarClass.named(name) else {
                throw fail("unknown property \\\(scalar){\(name)} (general categories such as L, Lu, Nd, P, Zs, and Alphabetic are known)", at: start)
            }
            index = close + 1
            return set(scalarClass, scalar == "P")
        case "b" where inBracket: return .literal("\u{8}")
        case "b": return .node(.anchor(.wordBoundary))
        case "B" where !inBracket: return .node(.anchor(.notWordBoundary))
        case "A" where !inBracket, "G" where !inBracket: return .node(.anchor(.start))
        case "Z" where !inBracket: return .node(.anchor(.end))
        case "z" where !inBracket: return .node(.anchor(.absoluteEnd))
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        case "r": return .literal("\r")
        case "f": return .literal("\u{C}")
        case "a": return .literal("\u{7}")
        case "e": return .literal("\u{1B}")
        case "x":
            if current == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else { throw fail("unclosed \\x{", at: start) }
                let value = try hexValue(index + 1, close, start)
                index = close + 1
                return .literal(value)
            }
            let value = try hexValue(index, min(index + 2, scalars.count), start, exactly: 2)
            index += 2
            return .literal(value)
        case "u", "U":
            let digits = scalar == "u" ? 4 : 8
            let value = try hexValue(index, min(index + digits, scalars.count), start, exactly: digits)
            index += digits
            return .literal(value)
        case "0":
            var value: UInt32 = 0
            var digits = 0
            while let digit = current, ("0"..."7").contains(digit), digits < 3 {
                value = value * 8 + digit.value - 48
                digits += 1
                index += 1
            }
            return .literal(Unicode.Scalar(value)!)
        case "1"..."9" where !inBracket:
            let number = Int(scalar.value - 48)
            guard number <= groupCount else { throw fail("back-reference \\\(number) to a group not yet opened", at: start) }
            return .node(.backReference(number))
        case "k" where !inBracket:
            guard current == "<", let close = scalars[index...].firstIndex(of: ">") else {
                throw fail("\\k needs a group name, such as \\k<name>", at: start)
            }
            var name = ""
            name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
            guard let number = groupNames[name] else { throw fail("no group named \"\(name)\"", at: start) }
            index = close + 1
            return .node(.backReference(number))
        default:
            // ICU's escapes this matcher does not take; any other escaped character is itself
            // (ICU reads `\y` as "y" too).
            if "XRNcgKEk123456789".unicodeScalars.contains(scalar) {
                throw fail("unsupported escape \\\(scalar)", at: start)
            }
            return .literal(scalar)
        }
    }

    private func hexValue(_ from: Int, _ to: Int, _ start: Int, exactly count: Int? = nil) throws(Failure) -> Unicode.Scalar {
        var value: UInt32 = 0
        guard from < to, count == nil || to - from == count, to - from <= 8 else { throw fail("bad hexadecimal escape", at: start) }
        for position in from..<to {
            guard scalars[position].isASCII, let digit = Int(String(scalars[position]), radix: 16) else {
                throw fail("bad hexadecimal escape", at: start)
            }
            value = value * 16 + UInt32(digit)
        }
        guard let result = Unicode.Scalar(value) else { throw fail("no character U+\(String(value, radix: 16, uppercase: true))", at: start) }
        return result
    }

    /// A bracket expression (the `[` is read): characters, ranges, class escapes, nested
    /// bracket expressions.
    private mutating func parseBracket(start: Int) throws(Failure) -> ScalarSet {
        var negated = false
        if current == "^" {
            negated = true
            index += 1
        }
        var items: [ScalarSet.Item] = []
        var first = true
        while true {
            guard let scalar = current else { throw fail("unclosed bracket expression \"[\"", at: start) }
            if scalar == "]" && !first {
                index += 1
                break
            }
            first = false
            if scalar == "[" {
                if index + 1 < scalars.count, scalars[index + 1] == ":" {
                    throw fail("POSIX classes such as [:alpha:] are not supported (use \\p{…})")
                }
                index += 1
                items.append(.nested(try parseBracket(start: index - 1)))
                continue
            }
            if (scalar == "&" || scalar == "-"), index + 1 < scalars.count, scalars[index + 1] == scalar {
                throw fail("set operations \"\(scalar)\(scalar)\" are not supported")
            }
            guard let low = try bracketMember(&items) else { continue }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                let dash = index
                index += 1
                guard let high = try bracketMember(&items) else { throw fail("a range must end with a character", at: dash) }
                guard low.value <= high.value else { throw fail("range out of order", at: dash) }
                items.append(.range(low.value...high.value))
            } else {
                items.append(.range(low.value...low.value))
            }
        }
        return ScalarSet(items: items, negated: negated)
    }

    /// One member of a bracket expression: a character (returned), or a class escape (added to `items`).
    private mutating func bracketMember(_ items: inout [ScalarSet.Item]) throws(Failure) -> Unicode.Scalar? {
        let scalar = scalars[index]
        index += 1
        guard scalar == "\\" else { return scalar }
        switch try parseEscape(inBracket: true) {
        case .literal(let character):
            return character
        case .node(.set(let set)):
            items.append(contentsOf: set.items)
            return nil
        default:
            throw fail("not allowed in a bracket expression", at: index - 2)
        }
    }
}
