/// Decodes HTML character references: named (a table of the frequent ones), decimal and hex.
enum HTMLEntities {
    /// Tries to decode a character reference starting at `scalars[start]`, which must be `&`.
    /// Returns the decoded scalar and the index just past the reference, or nil when the text
    /// there is not a reference we know (the caller then keeps the `&` literally).
    ///
    /// Numeric references accept a missing `;`; invalid code points (0, surrogates, beyond
    /// U+10FFFF) become U+FFFD and 0x80–0x9F are read as Windows-1252, as browsers do.
    /// Named references need their `;`, except the legacy `&amp` `&lt` `&gt` `&quot` `&nbsp`.
    static func decode<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ scalars: Scalars, at start: Int
    ) -> (scalar: Unicode.Scalar, end: Int)? where Scalars.Index == Int {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < scalars.count, let digit = digitValue(scalars[index], radix: radix) {
                if value <= 0x10FFFF { value = value * radix + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (numericScalar(value), index)
        }
        var name = ""
        while index < scalars.count, name.unicodeScalars.count < 32,
              isASCIILetterOrDigit(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !name.isEmpty, let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        if index < scalars.count, scalars[index] == ";" { return (scalar, index + 1) }
        return legacyWithoutSemicolon.contains(name) ? (scalar, index) : nil
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        let value = scalar.value
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46 where radix == 16: return value - 0x41 + 10
        case 0x61...0x66 where radix == 16: return value - 0x61 + 10
        default: return nil
        }
    }

    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) {
            return Unicode.Scalar(CharsetDecoder.windows1252High[Int(value) - 0x80]) ?? "\u{FFFD}"
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "AMP", "LT", "GT", "QUOT"]

    /// The named references we decode (names are case-sensitive, as in HTML).
    static let named: [String: UInt32] = [
        "amp": 0x26, "AMP": 0x26, "lt": 0x3C, "LT": 0x3C, "gt": 0x3E, "GT": 0x3E,
        "quot": 0x22, "QUOT": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002, "emsp": 0x2003,
        "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "shy": 0xAD,
        "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
        "bdquo": 0x201E, "lsaquo": 0x2039, "rsaquo": 0x203A, "laquo": 0xAB, "raquo": 0xBB,
        "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7,
        "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7,
        "divide": 0xF7, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup1": 0xB9, "sup2": 0xB2,
        "sup3": 0xB3, "micro": 0xB5, "para": 0xB6, "sect": 0xA7, "euro": 0x20AC, "cent": 0xA2,
        "pound": 0xA3, "yen": 0xA5, "curren": 0xA4, "iexcl": 0xA1, "iquest": 0xBF, "brvbar": 0xA6,
        "uml": 0xA8, "ordf": 0xAA, "ordm": 0xBA, "not": 0xAC, "macr": 0xAF, "acute": 0xB4,
        "cedil": 0xB8, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193,
        "harr": 0x2194, "rArr": 0x21D2, "lArr": 0x21D0, "minus": 0x2212, "le": 0x2264, "ge": 0x2265,
        "ne": 0x2260, "asymp": 0x2248, "infin": 0x221E, "check": 0x2713, "hearts": 0x2665,
        "spades": 0x2660, "clubs": 0x2663, "diams": 0x2666, "loz": 0x25CA, "circ": 0x2C6, "tilde": 0x2DC,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5,
        "AElig": 0xC6, "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB,
        "Igrave": 0xCC, "Iacute": 0xCD, "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1,
        "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4, "Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8,
        "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC, "Yacute": 0xDD, "THORN": 0xDE,
        "szlig": 0xDF, "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4,
        "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA,
        "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0,
        "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6,
        "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD,
        "thorn": 0xFE, "yuml": 0xFF, "Yuml": 0x178, "OElig": 0x152, "oelig": 0x153,
        "Scaron": 0x160, "scaron": 0x161, "Zcaron": 0x17D, "zcaron": 0x17E, "fnof": 0x192,
        "Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Omega": 0x3A9,
        "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "pi": 0x3C0, "mu": 0x3BC,
        "sigma": 0x3C3, "omega": 0x3C9, "lambda": 0x3BB, "theta": 0x3B8,
    ]
}
