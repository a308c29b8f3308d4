/// Removes inline Markdown from a line: every `*` (emphasis and bold marks; list markers
/// are recognised before this runs), `__` bold marks, and links and images
/// (`[text](url)`, `![alt](url)` → the text). Linear: a link is looked for only within a
/// bounded distance of its `[` and never past the next `[`; anything that is not a
/// complete link is kept as written.
enum InlineMarkdown {
    private static let maximumLinkTextLength = 1_000
    private static let maximumLinkTargetLength = 2_000

    static func plainText<S: StringProtocol>(_ text: S) -> String {
        // Fast path: nothing to remove.
        guard hasMarkup(text) else { return String(text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == asterisk {
                index += 1
                continue
            }
            if byte == underscore, index + 1 < bytes.count, bytes[index + 1] == underscore {
                index += 2
                continue
            }
            if byte == openBracket || (byte == bang && index + 1 < bytes.count && bytes[index + 1] == openBracket) {
                let textStart = byte == bang ? index + 2 : index + 1
                if let (textEnd, linkEnd) = link(in: bytes, textStart: textStart) {
                    output.append(contentsOf: bytes[textStart..<textEnd].filter { $0 != asterisk })
                    index = linkEnd
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `plainText(text)` as a slice: `text` itself (no copy) when it holds no markup.
    static func plainSlice(_ text: Substring) -> Substring {
        hasMarkup(text) ? Substring(plainText(text)) : text
    }

    private static func hasMarkup<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.contains { $0 == asterisk || $0 == underscore || $0 == openBracket }
    }

    /// For `[text](target)` starting at `textStart` (just after `[`): the index of `]`
    /// and the index just after `)`.
    private static func link(in bytes: [UInt8], textStart: Int) -> (Int, Int)? {
        var index = textStart
        let textLimit = min(bytes.count, textStart + maximumLinkTextLength)
        while index < textLimit, bytes[index] != closeBracket {
            if bytes[index] == openBracket { return nil }
            index += 1
        }
        guard index < textLimit, index + 1 < bytes.count, bytes[index + 1] == openParen else { return nil }
        let textEnd = index
        index += 2
        let targetLimit = min(bytes.count, index + maximumLinkTargetLength)
        while index < targetLimit, bytes[index] != closeParen {
            // Stopping at the next "[" keeps the total work linear: no search runs past
            // the start of the next candidate link.
            let byte = bytes[index]
            if byte == space || byte == openBracket || byte == closeBracket || byte == openParen { return nil }
            index += 1
        }
        guard index < targetLimit else { return nil }
        return (textEnd, index + 1)
    }

    private static let asterisk = UInt8(ascii: "*")
    private static let underscore = UInt8(ascii: "_")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openParen = UInt8(ascii: "(")
    private static let closeParen = UInt8(ascii: ")")
    private static let bang = UInt8(ascii: "!")
    private static let space = UInt8(ascii: " ")
}
