/// Makes text taken from bulletins inert inside Markdown.
public enum MarkdownEscaper {
    /// Characters that get a backslash: anything that can start emphasis, code, links,
    /// tables or escapes. `(`, `)` and `!` stay as they are: without an unescaped `[`/`]`
    /// they cannot form a link or an image, and prose is full of them.
    static let backslashed: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "~", "{", "}"]

    /// `text` on one line (every whitespace run becomes one space, trimmed) with Markdown
    /// syntax escaped: the characters in `backslashed` get a backslash, `<` and `>` become
    /// HTML entities (so no HTML tag or autolink survives), `&` does too where it could
    /// start an entity (`&amp;`, `&#…`), and a leading `-`, `+`, `#` or `12.`/`12)` that
    /// would start a list or heading is escaped. The result renders as the
    /// original characters and never as a link, image, tag or list.
    public static func inline(_ text: String) -> String {
        if isInertAlready(text) { return text }
        let s = collapsed(text)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 8)
        var i = 0
        if let first = s.first, first == "-" || first == "+" || first == "=" || first == "#" {
            out.append("\\")
            out.append(first)
            i = 1
        } else {
            var digits = 0
            while digits < s.count, s[digits].isASCII, s[digits].properties.numericType != nil { digits += 1 }
            if digits > 0, digits < s.count, s[digits] == "." || s[digits] == ")" {
                out.append(contentsOf: s[0..<digits])
                out.append("\\")
                out.append(s[digits])
                i = digits + 1
            }
        }
        while i < s.count {
            let scalar = s[i]
            switch scalar {
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&" where i + 1 < s.count && (s[i + 1] == "#" || (s[i + 1].isASCII && s[i + 1].properties.isAlphabetic)):
                out.append(contentsOf: "&amp;".unicodeScalars)
            default:
                if backslashed.contains(scalar) { out.append("\\") }
                out.append(scalar)
            }
            i += 1
        }
        return ScalarString.make(out)
    }

    /// Whether `inline` would return `text` unchanged: printable ASCII only, no character
    /// Markdown could read as syntax, single spaces, no space at either end, and a first
    /// character that cannot start a list or heading. One pass over the UTF-8 bytes; most
    /// titles and sentences pass, and skip the scalar-by-scalar rewrite.
    static func isInertAlready(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var first = true
        for byte in text.utf8 {
            guard byte > 0x20 && byte < 0x7F || byte == 0x20 && previous != 0x20 else { return false }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                return false
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if first { return false }
            default:
                break
            }
            first = false
            previous = byte
        }
        return previous != 0x20
    }

    /// The scalars of `text` with whitespace runs collapsed to one space, trimmed.
    private static func collapsed(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if Sentences.isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return result
    }
}
