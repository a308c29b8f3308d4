/// Decodes bytes into a `String` by charset, detecting byte-order marks for whole files.
///
/// Every function is total: malformed input is repaired with U+FFFD, never rejected.
enum CharsetDecoder {
    /// Text decoded from bytes, with the name of the encoding actually used.
    struct Decoded: Sendable, Equatable {
        var text: String
        var encoding: String
    }

    /// Decodes a whole file: a UTF-8 BOM → `utf-8-bom`; a UTF-16 BOM → `utf-16le`/`utf-16be`;
    /// otherwise valid UTF-8 → `utf-8`, anything else → `windows-1252`. The BOM is not part of `text`.
    static func decodeFile(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: decodeUTF16(bytes.dropFirst(2), bigEndian: false), encoding: Charset.utf16LE.rawValue)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: decodeUTF16(bytes.dropFirst(2), bigEndian: true), encoding: Charset.utf16BE.rawValue)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: Charset.utf8.rawValue)
        }
        return Decoded(text: decodeSingleByte(bytes, table: windows1252UTF8), encoding: Charset.windows1252.rawValue)
    }

    /// A whole file that `decodeFile` would read as UTF-8 (`utf-8`, or `utf-8-bom` without its
    /// BOM) and that is valid UTF-8: its text's bytes, to be used as they are. Nil otherwise
    /// (UTF-16, or bytes that are not valid UTF-8). Allocates nothing.
    static func validUTF8File(_ bytes: UnsafeBufferPointer<UInt8>) -> (body: UnsafeBufferPointer<UInt8>, encoding: String)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
        guard isValidUTF8(body) else { return nil }
        return (body, hasBOM ? "utf-8-bom" : Charset.utf8.rawValue)
    }

    /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF, no sequence cut short): what `String(validating:)`
    /// accepts.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // ASCII, the bulk of any bulletin, eight bytes at a time.
            if let base, count - index >= 8, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard count - index >= length, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// The UTF-16 byte-order mark's endianness at the start of `bytes`, if any.
    static func utf16ByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Charset? {
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// Decodes a MIME part's bytes by its declared `charset` label.
    ///
    /// A known label is honoured and reported by its canonical name (`iso-8859-1`, …).
    /// An unknown or missing label is tried as UTF-8, then as Windows-1252, and reported
    /// by the encoding that was used. A UTF-8 BOM is skipped.
    static func decode(_ bytes: [UInt8], declaredCharset label: String?) -> Decoded {
        let charset = label.flatMap(Charset.init(label:))
        switch charset {
        case .some(let known):
            if known == .usASCII, !bytes.allSatisfy({ $0 < 0x80 }) {
                // Mislabelled 8-bit text: try UTF-8 before cp1252, but keep the declared name.
                if let text = String(validating: bytes, as: UTF8.self) {
                    return Decoded(text: text, encoding: known.rawValue)
                }
            }
            return Decoded(text: decode(bytes, as: known), encoding: known.rawValue)
        case .none:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let text = String(validating: body, as: UTF8.self) {
                return Decoded(text: text, encoding: Charset.utf8.rawValue)
            }
            return Decoded(text: decodeSingleByte(body, table: windows1252UTF8), encoding: Charset.windows1252.rawValue)
        }
    }

    /// Decodes bytes in the given charset, repairing invalid sequences with U+FFFD.
    static func decode(_ bytes: [UInt8], as charset: Charset) -> String {
        switch charset {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            return String(decoding: body, as: UTF8.self)
        case .usASCII, .latin1, .windows1252:
            return decodeSingleByte(bytes, table: windows1252UTF8)
        case .latin9:
            return decodeSingleByte(bytes, table: latin9UTF8)
        case .utf16LE:
            return decodeUTF16(bytes[...], bigEndian: false)
        case .utf16BE:
            return decodeUTF16(bytes[...], bigEndian: true)
        case .utf16:
            if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: false) }
            if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
            return decodeUTF16(bytes[...], bigEndian: true)
        }
    }

    /// Decodes UTF-16 code units; an odd trailing byte becomes U+FFFD, lone surrogates too.
    static func decodeUTF16<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, bigEndian: Bool) -> String
    where Bytes.Index == Int {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        if index < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }

    /// Decodes a single-byte charset whose lower half is ASCII: `table` gives the UTF-8
    /// encoding of each of the bytes 0x80…0xFF.
    static func decodeSingleByte<C: Collection<UInt8>>(_ bytes: C, table encodedHigh: [[UInt8]]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output.append(contentsOf: encodedHigh[Int(byte) - 0x80])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func utf8Table(_ scalars: [UInt32]) -> [[UInt8]] {
        scalars.map { value in
            var encoded: [UInt8] = []
            UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { encoded.append($0) }
            return encoded
        }
    }

    static let windows1252UTF8 = utf8Table(windows1252High)
    static let latin9UTF8 = utf8Table(latin9High)

    /// Windows-1252: 0x80–0x9F per the cp1252 table, its five undefined bytes → U+FFFD,
    /// 0xA0–0xFF as in Latin-1.
    static let windows1252High: [UInt32] = {
        let c1: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return c1 + (0xA0...0xFF).map { UInt32($0) }
    }()

    /// ISO-8859-15 (Latin-9): Latin-1 with eight code points replaced (€, Š, š, Ž, ž, Œ, œ, Ÿ);
    /// 0x80–0x9F are read as in Windows-1252.
    static let latin9High: [UInt32] = {
        var table = windows1252High
        let changes: [Int: UInt32] = [
            0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
            0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
        ]
        for (byte, scalar) in changes { table[byte - 0x80] = scalar }
        return table
    }()
}
