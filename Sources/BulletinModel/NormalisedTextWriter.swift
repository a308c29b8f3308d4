import BulletinReader

/// `ArticleFingerprint`'s normalised text as UTF-8, hashed as it is written (through the
/// caller's small buffer, never the whole text): for each field, `String.lowercased()` (each
/// scalar's lowercase mapping) with runs of whitespace collapsed to one space and trimmed at
/// both ends. ASCII bytes — nearly all of them — are mapped and classified as bytes; only the
/// others ask for their Unicode properties. Used within the lifetime of `buffer`.
struct NormalisedTextWriter {
    private var hasher = SHA256()
    /// Written bytes not yet hashed: the first `count` of `buffer`.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    /// Whitespace was seen after the field's last written scalar.
    private var pendingSpace = false
    /// The field has written a scalar.
    private var wroteAny = false

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func appendSeparator() {
        put(0x1F)
        pendingSpace = false
        wroteAny = false
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // A String's UTF-8 is valid: each scalar is read at its first byte.
            let scalars = UTF8Scalars(bytes: utf8)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    appendASCII(byte)
                    index += 1
                    continue
                }
                let scalar = scalars[index]
                index += UTF8.width(scalar)
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if lower.value < 0x80 {
                        appendASCII(UInt8(truncatingIfNeeded: lower.value))
                    } else if lower.properties.isWhitespace {
                        pendingSpace = wroteAny
                    } else {
                        writePendingSpace()
                        UTF8.encode(lower) { put($0) }
                        wroteAny = true
                    }
                }
            }
        }
    }

    /// The digest of everything written.
    mutating func digest() -> [UInt8] {
        flush()
        return hasher.finalize()
    }

    @inline(__always)
    private mutating func appendASCII(_ byte: UInt8) {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
            pendingSpace = wroteAny
            return
        }
        writePendingSpace()
        put((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        wroteAny = true
    }

    @inline(__always)
    private mutating func writePendingSpace() {
        if pendingSpace {
            put(0x20)
            pendingSpace = false
        }
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if count == buffer.count { flush() }
        buffer.baseAddress.unsafelyUnwrapped[count] = byte
        count += 1
    }

    private mutating func flush() {
        hasher.update(UnsafeRawBufferPointer(start: buffer.baseAddress, count: count))
        count = 0
    }
}
