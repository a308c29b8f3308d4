/// Writes a JSON string literal by hand: the bytes `JSONEncoder` writes for a `String`, at a
/// fraction of its cost (the store writes one per matched topic on the ingest path, the
/// summary thousands per day).
///
/// Callers may rely on: the quotes around the literal; `"` and `\` escaped; `\n`, `\r`,
/// `\t`, `\b`, `\f` for those control characters and `\u00xx` (lower-case hex) for the other
/// ones below U+0020; `/` as `\/` only when `escapingSlashes` (the encoder's default) is true;
/// everything else, non-ASCII included, as its UTF-8 bytes.
public enum JSONStringEscaper {
    /// Appends `value` as a JSON string literal to `bytes`.
    public static func append(_ value: String, to bytes: inout [UInt8], escapingSlashes: Bool) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &bytes)
            case UInt8(ascii: "\\"): append("\\\\", to: &bytes)
            case UInt8(ascii: "/") where escapingSlashes: append("\\/", to: &bytes)
            case 0x0A: append("\\n", to: &bytes)
            case 0x0D: append("\\r", to: &bytes)
            case 0x09: append("\\t", to: &bytes)
            case 0x08: append("\\b", to: &bytes)
            case 0x0C: append("\\f", to: &bytes)
            case 0..<0x20:
                append("\\u00", to: &bytes)
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            default:
                // Bytes of multi-byte UTF-8 sequences are all ≥ 0x80: copied as they are.
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
