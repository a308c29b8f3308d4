/// Recognises bytes that are not text, before any decoding is attempted.
enum BinarySniffer {
    /// The reason `bytes` are not text, or nil when they may be text.
    ///
    /// Not text: a known binary signature (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF), a NUL byte
    /// in a file without a UTF-16 byte-order mark, or more than 10% C0 control bytes other
    /// than tab, line feed, carriage return, form feed and escape.
    static func reasonNotText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for (magic, name) in signatures where bytes.starts(with: magic) {
            return "\(name) data"
        }
        if CharsetDecoder.utf16ByteOrderMark(bytes) != nil { return nil }
        var controls = 0
        for byte in bytes where byte < 0x20 {
            switch byte {
            case 0x00: return "contains NUL bytes"
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        if controls > 0, controls * 10 > bytes.count {
            return "\(controls) control characters in \(bytes.count) bytes"
        }
        return nil
    }

    private static let signatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF87a".utf8), "GIF image"),
        (Array("GIF89a".utf8), "GIF image"),
        (Array("%PDF-".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x50, 0x4B, 0x05, 0x06], "ZIP archive"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ]
}
