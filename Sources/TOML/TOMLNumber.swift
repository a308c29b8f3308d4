/// Parsing of TOML integer and float literals (decimal, `0x`, `0o`, `0b`, underscores).
enum TOMLNumber: Equatable {
    case integer(Int)
    case float(Double)
    case outOfRange

    /// The number a token spells, or nil when it is not a valid TOML number.
    static func parse(_ token: String) -> TOMLNumber? {
        var text = Substring(token)
        var sign = ""
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            text = text.dropFirst()
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            guard sign.isEmpty, let digits = digitsWithUnderscores(text.dropFirst(2), radix: radix) else {
                return nil
            }
            guard let value = Int(digits, radix: radix) else { return .outOfRange }
            return .integer(value)
        }
        var mantissa = text
        var exponent: Substring?
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = text[text.index(after: e)...]
        }
        var integerPart = mantissa
        var fraction: Substring?
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        guard let integerDigits = digitsWithUnderscores(integerPart, radix: 10) else { return nil }
        if integerDigits.count > 1 && integerDigits.hasPrefix("0") { return nil }
        if fraction == nil && exponent == nil {
            guard let value = Int(sign + integerDigits) else { return .outOfRange }
            return .integer(value)
        }
        var literal = sign + integerDigits
        if let fraction {
            guard let digits = digitsWithUnderscores(fraction, radix: 10) else { return nil }
            literal += "." + digits
        }
        if var exponent {
            var exponentSign = ""
            if let first = exponent.first, first == "+" || first == "-" {
                exponentSign = String(first)
                exponent = exponent.dropFirst()
            }
            guard let digits = digitsWithUnderscores(exponent, radix: 10) else { return nil }
            literal += "e" + exponentSign + digits
        }
        guard let value = Double(literal) else { return nil }
        return value.isFinite ? .float(value) : .outOfRange
    }

    /// The digits without underscores, or nil when empty, when a character is not a digit of
    /// `radix`, or when an underscore is not between two digits.
    private static func digitsWithUnderscores(_ text: Substring, radix: Int) -> String? {
        guard let first = text.first, let last = text.last, first != "_", last != "_" else { return nil }
        var digits = ""
        var previousWasUnderscore = false
        for character in text {
            if character == "_" {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            guard character.isASCII, character.hexDigitValue.map({ $0 < radix }) == true else { return nil }
            previousWasUnderscore = false
            digits.append(character)
        }
        return digits
    }
}
