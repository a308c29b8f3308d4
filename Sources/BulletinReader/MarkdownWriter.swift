/// Accumulates the markdown-like text produced from HTML, the way a browser lays out
/// blocks: whitespace inside a block collapses to single spaces, blocks are separated by
/// a blank line, `<br>` forces a line break, and a pending prefix (`## `, `- `) is written
/// in front of the next line that gets any text.
///
/// The output is UTF-8 (one byte per ASCII character, not four as an array of scalars
/// would take: a 20 MB page made a 200 MB array).
struct MarkdownWriter {
    private(set) var output: [UInt8] = []
    /// Newlines (1 or 2) owed before the next text.
    private var pendingBreak = 0
    private var pendingSpace = false
    private var atLineStart = true
    private var pendingPrefix: String?

    /// Room for `count` bytes of output.
    mutating func reserveCapacity(_ count: Int) {
        output.reserveCapacity(count)
    }

    /// Writes text that collapses like HTML whitespace.
    mutating func writeText(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0:
            pendingSpace = true
        case 0x200B, 0x200C, 0x2060, 0xFEFF, 0xAD, 0x034F:
            // Invisible padding, common in newsletter preheaders.
            return
        default:
            emit(scalar)
        }
    }

    /// Writes preformatted text: spaces and line breaks are kept as they are.
    mutating func writePreformatted(_ scalar: Unicode.Scalar) {
        if scalar == "\n" {
            flushBreak()
            output.append(0x0A)
            atLineStart = true
        } else if scalar == " " || scalar == "\t" {
            flushBreak()
            output.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            emit(scalar)
        }
    }

    /// Ends the current block: the next text starts after a blank line (`newlines == 2`)
    /// or on the next line (`newlines == 1`).
    mutating func endBlock(newlines: Int = 2) {
        pendingBreak = max(pendingBreak, newlines)
        pendingSpace = false
    }

    /// A `<br>`: one more line break, up to a blank line.
    mutating func lineBreak() {
        pendingBreak = min(2, pendingBreak + 1)
        pendingSpace = false
    }

    /// A separation that reads as a space (between table cells).
    mutating func softSpace() {
        pendingSpace = true
    }

    /// Starts a new line with `prefix` once text arrives; nil drops an unused prefix.
    mutating func setPrefix(_ prefix: String?) {
        pendingPrefix = prefix
    }

    private mutating func flushBreak() {
        guard pendingBreak > 0 else { return }
        if !output.isEmpty {
            for _ in 0..<pendingBreak { output.append(0x0A) }
            atLineStart = true
        }
        pendingBreak = 0
        pendingSpace = false
    }

    private mutating func emit(_ scalar: Unicode.Scalar) {
        flushBreak()
        if atLineStart {
            if let prefix = pendingPrefix {
                output.append(contentsOf: prefix.utf8)
                pendingPrefix = nil
            }
        } else if pendingSpace {
            output.append(0x20)
        }
        pendingSpace = false
        atLineStart = false
        if scalar.isASCII {
            output.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { output.append($0) }
        }
    }
}
