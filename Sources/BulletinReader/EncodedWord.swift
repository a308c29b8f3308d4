/// Decodes RFC 2047 encoded-words in header values (`=?utf-8?Q?caf=C3=A9?=`, `=?iso-8859-1?B?...?=`).
enum EncodedWord {
    /// Longest encoded-word we look for (RFC 2047 allows 75; some senders write longer ones).
    private static let maximumLength = 1024

    /// Decodes every encoded-word in `value`. Whitespace between two adjacent encoded-words
    /// is dropped, and the bytes of adjacent words in the same charset are decoded together
    /// (senders split multi-byte characters across words). Text that is not a well-formed
    /// encoded-word is kept as it is.
    static func decode(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var result = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset = ""
        var whitespaceAfterWord = ""
        var lastWasEncodedWord = false

        func flushPending() {
            guard !pendingBytes.isEmpty else { return }
            let label = pendingCharset.isEmpty ? nil : pendingCharset
            result += CharsetDecoder.decode(pendingBytes, declaredCharset: label).text
            pendingBytes.removeAll()
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "=", let word = parseWord(scalars, at: index) {
                whitespaceAfterWord = ""
                if word.charset != pendingCharset { flushPending() }
                pendingCharset = word.charset
                pendingBytes += word.bytes
                lastWasEncodedWord = true
                index = word.end
                continue
            }
            if lastWasEncodedWord, scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                whitespaceAfterWord.unicodeScalars.append(scalar)
            } else {
                flushPending()
                result += whitespaceAfterWord
                whitespaceAfterWord = ""
                lastWasEncodedWord = false
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        flushPending()
        return result + whitespaceAfterWord
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Parses `=?charset[*lang]?Q|B?text?=` starting at `start`.
    private static func parseWord(_ scalars: [Unicode.Scalar], at start: Int) -> Word? {
        let limit = min(scalars.count, start + maximumLength)
        guard start + 1 < limit, scalars[start + 1] == "?" else { return nil }
        var index = start + 2
        var charset = String.UnicodeScalarView()
        while index < limit, scalars[index] != "?" {
            guard scalars[index].value > 0x20, scalars[index].value < 0x7F else { return nil }
            charset.append(scalars[index])
            index += 1
        }
        guard index + 2 < limit, !charset.isEmpty, scalars[index + 2] == "?" else { return nil }
        let encoding = scalars[index + 1]
        index += 3
        let textStart = index
        while index + 1 < limit, !(scalars[index] == "?" && scalars[index + 1] == "=") {
            guard scalars[index].value > 0x20, scalars[index].value < 0x7F else { return nil }
            index += 1
        }
        guard index + 1 < limit else { return nil }
        let text = scalars[textStart..<index].map { UInt8($0.value) }
        let bytes: [UInt8]
        switch encoding {
        case "Q", "q": bytes = decodeQ(text)
        case "B", "b":
            guard let decoded = Base64.decode(text) else { return nil }
            bytes = decoded
        default: return nil
        }
        let label = String(String(charset).split(separator: "*", maxSplits: 1).first ?? "")
        return Word(charset: label.lowercased(), bytes: bytes, end: index + 2)
    }

    /// The "Q" encoding: quoted-printable where `_` stands for a space.
    private static func decodeQ(_ text: [UInt8]) -> [UInt8] {
        let spaced = text.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
        return QuotedPrintable.decode(spaced)
    }
}
