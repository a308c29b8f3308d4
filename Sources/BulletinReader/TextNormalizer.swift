/// Normalises decoded text into the form `Document.text` promises. One pass, linear time.
///
/// Guarantees of `normalize(_:)`:
/// - CRLF, lone CR, U+2028 and U+2029 become LF; no other line terminator remains.
/// - Tabs and every Unicode space separator (U+00A0, U+1680, U+2000–U+200A, U+202F,
///   U+205F, U+3000) become an ASCII space. Runs of spaces inside a line are kept.
/// - Zero-width and invisible characters are removed: U+200B, U+2060, U+FEFF (BOM or
///   zero-width no-break space) and U+00AD (soft hyphen). U+200C/U+200D are kept, since
///   they join emoji and some scripts.
/// - Every other C0 control (incl. NUL), DEL and every C1 control is removed.
/// - Trailing whitespace is trimmed from every line; a whitespace-only line becomes empty.
/// - Two or more consecutive empty lines collapse into one; leading and trailing empty
///   lines are removed, and there is no final newline.
/// - Lines are never joined or re-wrapped, and leading indentation is kept.
enum TextNormalizer {
    static func normalize(_ text: String) -> String {
        var state = State(capacity: text.utf8.count)
        for scalar in text.unicodeScalars { state.consume(scalar) }
        return state.finish()
    }

    static func normalize(_ scalars: [Unicode.Scalar]) -> String {
        var state = State(capacity: scalars.count)
        for scalar in scalars { state.consume(scalar) }
        return state.finish()
    }

    /// The single pass: scalars go in one at a time, UTF-8 bytes come out.
    private struct State {
        var output: [UInt8] = []
        /// The current line, and its length without trailing spaces.
        var line: [UInt8] = []
        var lineLengthWithoutTrailingSpace = 0
        var blankLinesPending = false
        var previousWasCR = false

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func consume(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value == 0x0A {
                if !previousWasCR { endLine() }
                previousWasCR = false
                return
            }
            previousWasCR = false
            switch value {
            case 0x21...0x7E:
                line.append(UInt8(value))
                lineLengthWithoutTrailingSpace = line.count
            case 0x0D:
                endLine()
                previousWasCR = true
            case 0x2028, 0x2029:
                endLine()
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                line.append(0x20)
            case 0x200B, 0x2060, 0xFEFF, 0xAD:
                return
            case 0x00...0x1F, 0x7F...0x9F:
                return
            default:
                UTF8.encode(scalar) { line.append($0) }
                lineLengthWithoutTrailingSpace = line.count
            }
        }

        mutating func endLine() {
            if lineLengthWithoutTrailingSpace == 0 {
                if !output.isEmpty { blankLinesPending = true }
            } else {
                if !output.isEmpty {
                    output.append(0x0A)
                    if blankLinesPending { output.append(0x0A) }
                }
                output.append(contentsOf: line[0..<lineLengthWithoutTrailingSpace])
                blankLinesPending = false
            }
            line.removeAll(keepingCapacity: true)
            lineLengthWithoutTrailingSpace = 0
        }

        mutating func finish() -> String {
            endLine()
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Collapses all whitespace (including line breaks) into single spaces and trims the
    /// ends: for one-line values such as titles.
    static func singleLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in normalize(text).unicodeScalars {
            if scalar == " " || scalar == "\n" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
