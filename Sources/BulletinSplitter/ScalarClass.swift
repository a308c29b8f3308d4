/// The character classes of splitter patterns, with ICU's definitions, from the standard
/// library's Unicode properties.
enum ScalarClass: Sendable, Equatable {
    /// `\d`: decimal digits (`\p{Nd}`).
    case digit
    /// `\s`: `\p{White_Space}`.
    case space
    /// `\w`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D]`.
    case word
    /// `\h`: `[\t\p{Zs}]`.
    case horizontalSpace
    /// `\v`: `[\n\x0B\f\r\x85\u2028\u2029]`.
    case verticalSpace
    /// `\p{…}` with a general category, or `Alphabetic`.
    case categories(Set<Unicode.GeneralCategory>)
    case alphabetic

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .digit:
            if scalar.isASCII { return (0x30...0x39).contains(scalar.value) }
            return scalar.properties.generalCategory == .decimalNumber
        case .space:
            if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
            return scalar.properties.isWhitespace
        case .word:
            return Self.isWord(scalar)
        case .horizontalSpace:
            return scalar.value == 0x09 || scalar.properties.generalCategory == .spaceSeparator
        case .verticalSpace:
            return Self.isLineTerminator(scalar)
        case .categories(let categories):
            return categories.contains(scalar.properties.generalCategory)
        case .alphabetic:
            return scalar.properties.isAlphabetic
        }
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        if scalar.value == 0x200C || scalar.value == 0x200D || scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// What `.` does not match and `$` may stand before: `\n`, `\x0B`, `\f`, `\r`, U+0085,
    /// U+2028, U+2029.
    @inline(__always)
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    /// `\p{name}`: a general category (`L`, `Lu`, `Nd`, `P`, `Zs`…) or `Alphabetic`.
    static func named(_ name: String) -> ScalarClass? {
        let key = name.filter { $0 != "_" && $0 != " " }.lowercased()
        if key == "alphabetic" || key == "alpha" { return .alphabetic }
        if key == "whitespace" || key == "space" { return .space }
        let groups: [String: [Unicode.GeneralCategory]] = [
            "l": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
            "lu": [.uppercaseLetter], "ll": [.lowercaseLetter], "lt": [.titlecaseLetter], "lm": [.modifierLetter],
            "lo": [.otherLetter],
            "m": [.nonspacingMark, .spacingMark, .enclosingMark], "mn": [.nonspacingMark], "mc": [.spacingMark],
            "me": [.enclosingMark],
            "n": [.decimalNumber, .letterNumber, .otherNumber], "nd": [.decimalNumber], "nl": [.letterNumber],
            "no": [.otherNumber],
            "p": [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                  .finalPunctuation, .otherPunctuation],
            "pc": [.connectorPunctuation], "pd": [.dashPunctuation], "ps": [.openPunctuation], "pe": [.closePunctuation],
            "pi": [.initialPunctuation], "pf": [.finalPunctuation], "po": [.otherPunctuation],
            "s": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol], "sm": [.mathSymbol],
            "sc": [.currencySymbol], "sk": [.modifierSymbol], "so": [.otherSymbol],
            "z": [.spaceSeparator, .lineSeparator, .paragraphSeparator], "zs": [.spaceSeparator],
            "zl": [.lineSeparator], "zp": [.paragraphSeparator],
            "c": [.control, .format, .surrogate, .privateUse, .unassigned], "cc": [.control], "cf": [.format],
            "co": [.privateUse], "cn": [.unassigned],
        ]
        return groups[key].map { .categories(Set($0)) }
    }
}
