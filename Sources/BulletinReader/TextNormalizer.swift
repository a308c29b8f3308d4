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
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// The same for text given as UTF-8 bytes, which must be valid UTF-8.
    ///
    /// The text is written straight into the storage of the `String` returned, allocated once
    /// at the input's size: the output is never longer than the input (a character is written
    /// as the bytes it was read from or fewer, and each line break written stands for one
    /// read before it).
    static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var state = State(output: output)
            state.consume(utf8: bytes)
            return state.finish()
        }
    }

    /// The single pass: scalars go in one at a time, UTF-8 bytes come out. Each line is
    /// written to `output` as it comes, after the separator it needs, and cut back at its
    /// end (trailing spaces, or the whole line and its separator when it is blank).
    private struct State {
        /// The output so far is `output[..<count]`.
        let output: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        /// Whether the current line's separator has been written (it has some character).
        var lineOpen = false
        /// Where the current line's separator starts in `output`, and where its text starts.
        var separatorStart = 0
        var lineStart = 0
        /// The end of the current line without its trailing spaces.
        var contentEnd = 0
        var blankLinesPending = false
        var previousWasCR = false

        init(output: UnsafeMutableBufferPointer<UInt8>) {
            self.output = output
        }

        /// Valid UTF-8 bytes, in order.
        mutating func consume(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // Printable ASCII, the bulk of any bulletin, goes straight to the output.
                    if byte >= 0x21 && byte <= 0x7E {
                        appendText(byte)
                    } else {
                        consume(Unicode.Scalar(byte))
                    }
                    index += 1
                    continue
                }
                // `bytes` are valid UTF-8: the lead byte gives the sequence's length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                consume(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += length
            }
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            precondition(count < output.count, "normalised text longer than its input")
            output[count] = byte
            count += 1
        }

        @inline(__always)
        mutating func openLine() {
            guard !lineOpen else { return }
            lineOpen = true
            separatorStart = count
            if count > 0 {
                append(0x0A)
                if blankLinesPending { append(0x0A) }
            }
            lineStart = count
            contentEnd = lineStart
        }

        /// A character that is neither a space nor a line break, as UTF-8.
        @inline(__always)
        mutating func appendText(_ byte: UInt8) {
            previousWasCR = false
            openLine()
            append(byte)
            contentEnd = count
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
                appendText(UInt8(value))
            case 0x0D:
                endLine()
                previousWasCR = true
            case 0x2028, 0x2029:
                endLine()
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                openLine()
                append(0x20)
            case 0x200B, 0x2060, 0xFEFF, 0xAD:
                return
            case 0x00...0x1F, 0x7F...0x9F:
                return
            default:
                openLine()
                UTF8.encode(scalar) { append($0) }
                contentEnd = count
            }
        }

        mutating func endLine() {
            if lineOpen {
                if contentEnd == lineStart {
                    // Only spaces: a blank line, written as nothing.
                    count = separatorStart
                    if count > 0 { blankLinesPending = true }
                } else {
                    count = contentEnd
                    blankLinesPending = false
                }
                lineOpen = false
            } else if count > 0 {
                blankLinesPending = true
            }
        }

        /// The number of bytes written.
        mutating func finish() -> Int {
            endLine()
            return count
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
