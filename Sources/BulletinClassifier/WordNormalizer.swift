import LetterFolding

/// Splits text into normalised words, the same way for rules and for articles.
///
/// A word is a maximal run of letters and digits ("6G", "TOP500" and "2030" are words).
/// Words are lower-cased and their diacritics folded ("Régulation" → "regulation");
/// everything else (spaces, punctuation, hyphens, straight and typographic apostrophes and
/// quotes) separates words, so "China’s" and "China's" both give "china", "s".
public enum WordNormalizer {
    /// The normalised words of `text`, in order.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var folder = Folder()
        forEachWord(in: text, folder: &folder) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each normalised word of `text`, in order; the
    /// bytes are valid only during the call. `folder` caches the folding of non-ASCII
    /// characters: reuse it across calls.
    static func forEachWord(in text: String, folder: inout Folder, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            guard let source = utf8.baseAddress else { return }
            let count = utf8.count
            // The word being built, when it cannot be a slice of `source` (upper case or
            // non-ASCII letters); it grows as needed.
            var capacity = 64
            var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            var length = 0
            func append(_ byte: UInt8) {
                if length == capacity {
                    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    larger.update(from: buffer, count: length)
                    buffer.deallocate()
                    buffer = larger
                    capacity *= 2
                }
                buffer[length] = byte
                length += 1
            }
            var index = 0
            while index < count {
                let byte = source[index]
                if byte < 0x80 {
                    guard isWordByte(byte) else {
                        if length > 0 {
                            body(UnsafeBufferPointer(start: buffer, count: length))
                            length = 0
                        }
                        index += 1
                        continue
                    }
                    if length == 0 && isLowerWordByte(byte) {
                        // Fast path: a run of lower-case ASCII letters and digits ended by
                        // ASCII is passed as a slice of the text itself.
                        let start = index
                        while index < count, source[index] < 0x80, isLowerWordByte(source[index]) { index += 1 }
                        if index == count || (source[index] < 0x80 && !isWordByte(source[index])) {
                            body(UnsafeBufferPointer(start: source + start, count: index - start))
                            continue
                        }
                        for offset in start..<index { append(source[offset]) }
                        continue
                    }
                    append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                // A String's UTF-8 is valid: decode one scalar of 2, 3 or 4 bytes.
                var value: UInt32
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(source[index + 1] & 0x3F)
                    index += 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F) << 12 | UInt32(source[index + 1] & 0x3F) << 6
                    value |= UInt32(source[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = UInt32(byte & 0x07) << 18 | UInt32(source[index + 1] & 0x3F) << 12
                    value |= UInt32(source[index + 2] & 0x3F) << 6 | UInt32(source[index + 3] & 0x3F)
                    index += 4
                }
                switch folder.fold(Unicode.Scalar(value) ?? "\u{FFFD}") {
                case .mark:
                    continue
                case .separator:
                    if length > 0 {
                        body(UnsafeBufferPointer(start: buffer, count: length))
                        length = 0
                    }
                case .letters(let bytes):
                    for folded in bytes { append(folded) }
                }
            }
            if length > 0 { body(UnsafeBufferPointer(start: buffer, count: length)) }
        }
    }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// A lower-case ASCII letter or a digit.
    @inline(__always)
    private static func isLowerWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// Folds non-ASCII characters, caching the result per character.
    struct Folder {
        enum Folded {
            /// A combining mark: dropped (diacritics written as separate characters).
            case mark
            /// Not part of a word.
            case separator
            /// Part of a word, as these lower-case, diacritic-free UTF-8 bytes.
            case letters([UInt8])
        }

        private var cache: [Unicode.Scalar: Folded] = [:]

        mutating func fold(_ scalar: Unicode.Scalar) -> Folded {
            if let cached = cache[scalar] { return cached }
            let folded = Self.compute(scalar)
            cache[scalar] = folded
            return folded
        }

        /// The folding of one scalar: `DiacriticFolding.table` for the letters whose folded
        /// form is not their lower-case form (`é` → `e`), else the lower-case form; marks and
        /// what is neither a letter nor a digit are left out. The same as ICU's
        /// case- and diacritic-insensitive folding (see `DiacriticFolding`), with the standard
        /// library's Unicode tables only.
        static func compute(_ scalar: Unicode.Scalar) -> Folded {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            default: break
            }
            guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
            if let folded = DiacriticFolding.table[scalar.value] { return folded.isEmpty ? .separator : .letters(folded) }
            var bytes: [UInt8] = []
            for part in String(scalar).lowercased().unicodeScalars {
                let partProperties = part.properties
                switch partProperties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: break
                }
                guard partProperties.isAlphabetic || partProperties.numericType != nil else { continue }
                bytes.append(contentsOf: String(part).utf8)
            }
            return bytes.isEmpty ? .separator : .letters(bytes)
        }
    }
}
