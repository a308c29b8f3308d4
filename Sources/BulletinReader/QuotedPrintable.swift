/// Quoted-printable decoding (RFC 2045 §6.7), tolerant of sloppy encoders.
enum QuotedPrintable {
    /// Decodes `=XX` (either case) to a byte and removes soft line breaks (`=` followed by
    /// optional spaces/tabs and LF or CRLF). A `=` that starts neither is kept literally.
    /// Hard line breaks are kept as they are.
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            var lookahead = index + 1
            while lookahead < bytes.count, bytes[lookahead] == 0x20 || bytes[lookahead] == 0x09 { lookahead += 1 }
            if lookahead < bytes.count, bytes[lookahead] == 0x0D { lookahead += 1 }
            if lookahead < bytes.count, bytes[lookahead] == 0x0A {
                index = lookahead + 1
                continue
            }
            if lookahead == bytes.count {
                index = lookahead
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
