/// The literal text that every match of one `SplitterConfig` pattern must start with, or
/// must contain: a necessary condition that is much cheaper to test than the regex.
///
/// Derived by a deliberately small reader of ICU regex syntax. It understands literal
/// characters (ASCII, and caseless symbols and punctuation such as `©` or `•`), escaped
/// punctuation (`\.`), groups (`(…)`, `(?:…)`, `(?>…)`, named groups), alternation,
/// quantifiers (`? * + {n,m}` with lazy and possessive forms), bracket expressions, `.`,
/// the class escapes `\s \S \w \W \d \D \h \H \v \V \R \X`, the control escapes
/// `\n \t \r \f \a \e`, back-references `\1`…`\9`, anchors and `\b \B \A \Z \z \G`, and
/// lookaround (ignored). Anything else — inline flags such as `(?i)` or `(?x)`, `\Q…\E`,
/// `\x`, `\u`, `\N{…}`, `\p{…}`, `\c`, `\0`, `\k`, comments, a `]` first in a bracket
/// expression — makes the pattern `unknown`: no condition, the regex always runs.
/// Nothing here ever decides a match; a pattern it does not fully understand gets no
/// shortcut.
///
/// Literals are stored as UTF-8 with ASCII letters lower-cased; they are compared
/// ASCII-case-insensitively (patterns are matched case-insensitively), see `LinePrefilter`.
struct PatternLiterals: Equatable {
    /// Every match starts with one of these; nil when not known.
    var prefixes: Set<[UInt8]>?
    /// Every match contains one of these; nil when not known.
    var contained: Set<[UInt8]>?

    static let unknown = PatternLiterals(prefixes: nil, contained: nil)

    /// The literals of `pattern`; `unknown` when the pattern uses syntax not listed above.
    init(pattern: String) {
        var reader = Reader(scalars: Array(pattern.unicodeScalars))
        guard let item = reader.readPattern() else {
            self = .unknown
            return
        }
        self.init(prefixes: Self.useful(item.prefixes), contained: Self.useful(item.contained))
    }

    init(prefixes: Set<[UInt8]>?, contained: Set<[UInt8]>?) {
        self.prefixes = prefixes
        self.contained = contained
    }

    /// An empty literal is no condition at all.
    private static func useful(_ literals: Set<[UInt8]>?) -> Set<[UInt8]>? {
        guard let literals, !literals.isEmpty, !literals.contains(where: \.isEmpty) else { return nil }
        return literals
    }

    // MARK: Reading the pattern

    /// What is known about a piece of pattern.
    private struct Item {
        /// The exact text the piece matches (lower-cased), when it is a plain literal.
        var literal: [UInt8]?
        var prefixes: Set<[UInt8]>?
        var contained: Set<[UInt8]>?
        /// Matches no text (an anchor, `\b`, lookaround).
        var isZeroWidth = false

        static let opaque = Item(literal: nil, prefixes: nil, contained: nil)
        static let zeroWidth = Item(literal: nil, prefixes: nil, contained: nil, isZeroWidth: true)

        static func literal(_ bytes: [UInt8]) -> Item {
            Item(literal: bytes, prefixes: [bytes], contained: [bytes])
        }
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func readPattern() -> Item? {
            guard let item = readAlternation(), index == scalars.count else { return nil }
            return item
        }

        /// `branch | branch | …`, up to an unmatched `)` or the end.
        mutating func readAlternation() -> Item? {
            guard var result = readSequence() else { return nil }
            while current == "|" {
                index += 1
                guard let branch = readSequence() else { return nil }
                result = Item(literal: nil, prefixes: union(result.prefixes, branch.prefixes),
                              contained: union(result.contained, branch.contained))
            }
            return result
        }

        mutating func readSequence() -> Item? {
            var items: [Item] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let atom = readAtom(), let quantified = readQuantifier(applyingTo: atom) else { return nil }
                items.append(quantified)
            }
            return PatternLiterals.sequence(items)
        }

        mutating func readAtom() -> Item? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "(":
                return readGroup()
            case "[":
                return skipBracketExpression() ? .opaque : nil
            case ".":
                return .opaque
            case "^", "$":
                return .zeroWidth
            case "\\":
                return readEscape()
            case "*", "+", "?", "{", "}", "]", ")", "|":
                return nil
            default:
                return PatternLiterals.literalItem(scalar)
            }
        }

        mutating func readGroup() -> Item? {
            var isLookaround = false
            if current == "?" {
                index += 1
                guard let kind = current else { return nil }
                index += 1
                switch kind {
                case ":", ">":
                    break
                case "=", "!":
                    isLookaround = true
                case "<":
                    if current == "=" || current == "!" {
                        index += 1
                        isLookaround = true
                    } else {
                        // A named group: skip the name.
                        while let scalar = current, scalar != ">" {
                            guard PatternLiterals.isASCIILetterOrDigit(scalar) else { return nil }
                            index += 1
                        }
                        guard current == ">" else { return nil }
                        index += 1
                    }
                default:
                    // Inline flags (`(?i)`, `(?x:…)`), comments: not understood.
                    return nil
                }
            }
            guard let inner = readAlternation(), current == ")" else { return nil }
            index += 1
            return isLookaround ? .zeroWidth : inner
        }

        /// Skips a bracket expression (the `[` is read), nested ones included.
        mutating func skipBracketExpression() -> Bool {
            if current == "^" { index += 1 }
            if current == "]" { return false }
            var depth = 1
            while let scalar = current {
                index += 1
                switch scalar {
                case "\\":
                    guard let escaped = current, escaped != "Q", escaped != "E" else { return false }
                    index += 1
                case "[":
                    depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { return true }
                default:
                    break
                }
            }
            return false
        }

        mutating func readEscape() -> Item? {
            guard let scalar = current, scalar.isASCII else { return nil }
            index += 1
            switch scalar {
            case "b", "B", "A", "Z", "z", "G":
                return .zeroWidth
            case "s", "S", "w", "W", "d", "D", "h", "H", "v", "V", "R", "X", "n", "t", "r", "f", "a", "e",
                 "1", "2", "3", "4", "5", "6", "7", "8", "9":
                return .opaque
            default:
                // Escaped punctuation is that character; other letters and digits carry
                // arguments or meanings this reader does not follow.
                if PatternLiterals.isASCIILetterOrDigit(scalar) { return nil }
                return .literal([UInt8(scalar.value)])
            }
        }

        /// Applies a following `?`, `*`, `+` or `{n,m}` (and a lazy `?` or possessive `+`).
        mutating func readQuantifier(applyingTo item: Item) -> Item? {
            guard let scalar = current else { return item }
            let minimum: Int
            switch scalar {
            case "?", "*":
                index += 1
                minimum = 0
            case "+":
                index += 1
                minimum = 1
            case "{":
                index += 1
                guard let lower = readNumber() else { return nil }
                if current == "," {
                    index += 1
                    _ = readNumber()
                }
                guard current == "}" else { return nil }
                index += 1
                minimum = lower
            default:
                return item
            }
            if current == "?" || current == "+" { index += 1 }
            if current == "?" || current == "*" || current == "+" || current == "{" { return nil }
            guard minimum > 0, !item.isZeroWidth else { return .opaque }
            // Repeated at least once: what it starts with and contains still holds.
            return Item(literal: nil, prefixes: item.prefixes, contained: item.contained)
        }

        mutating func readNumber() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = current, ("0"..."9").contains(scalar), digits < 6 {
                value = value * 10 + Int(scalar.value - 48)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        func union(_ first: Set<[UInt8]>?, _ second: Set<[UInt8]>?) -> Set<[UInt8]>? {
            guard let first, let second else { return nil }
            return first.union(second)
        }
    }

    /// A sequence of items: literals next to each other form one longer literal.
    private static func sequence(_ items: [Item]) -> Item {
        var runs: [[UInt8]] = []
        var run: [UInt8]?
        var candidates: [Set<[UInt8]>] = []
        for item in items {
            if let literal = item.literal {
                run = (run ?? []) + literal
                continue
            }
            if let finished = run { runs.append(finished) }
            run = nil
            if let contained = item.contained { candidates.append(contained) }
        }
        if let finished = run { runs.append(finished) }
        candidates += runs.map { [$0] }

        var prefixes: Set<[UInt8]>?
        if let first = items.firstIndex(where: { !$0.isZeroWidth }) {
            if items[first].literal != nil {
                var prefix: [UInt8] = []
                for item in items[first...] {
                    guard let literal = item.literal else { break }
                    prefix += literal
                }
                prefixes = [prefix]
            } else {
                prefixes = items[first].prefixes
            }
        }
        let allLiteral = items.allSatisfy { $0.literal != nil }
        return Item(literal: allLiteral ? items.flatMap { $0.literal ?? [] } : nil,
                    prefixes: prefixes, contained: candidates.max { score($0) < score($1) })
    }

    /// How selective "contains one of `literals`" is: the shortest literal's length.
    private static func score(_ literals: Set<[UInt8]>) -> Int {
        literals.map(\.count).min() ?? 0
    }

    /// A literal pattern character: ASCII (lower-cased), or a caseless symbol or punctuation
    /// mark that no other character case-folds to; anything else matches one unknown character.
    private static func literalItem(_ scalar: Unicode.Scalar) -> Item {
        if scalar.isASCII {
            return .literal([lowercased(UInt8(scalar.value))])
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .mathSymbol, .currencySymbol, .otherSymbol, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .connectorPunctuation:
            guard !properties.isCased, !properties.changesWhenCaseMapped, !properties.changesWhenCaseFolded else {
                return .opaque
            }
            return .literal(Array(String(scalar).utf8))
        default:
            return .opaque
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}
