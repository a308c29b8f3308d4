import Foundation

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
        forEachWord(in: text, folder: &folder) { words.append($0) }
        return words
    }

    /// Calls `body` with each normalised word of `text`. `folder` caches the folding of
    /// non-ASCII characters; reuse it across calls on the same article.
    static func forEachWord(in text: String, folder: inout Folder, _ body: (String) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: buffer.append(UInt8(value))
                case 0x41...0x5A: buffer.append(UInt8(value + 0x20))
                default:
                    if !buffer.isEmpty {
                        body(String(decoding: buffer, as: UTF8.self))
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                continue
            }
            switch folder.fold(scalar) {
            case .mark:
                continue
            case .separator:
                if !buffer.isEmpty {
                    body(String(decoding: buffer, as: UTF8.self))
                    buffer.removeAll(keepingCapacity: true)
                }
            case .letters(let bytes):
                buffer.append(contentsOf: bytes)
            }
        }
        if !buffer.isEmpty { body(String(decoding: buffer, as: UTF8.self)) }
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

        private static func compute(_ scalar: Unicode.Scalar) -> Folded {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            default: break
            }
            guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
            let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            var bytes: [UInt8] = []
            for part in folded.unicodeScalars {
                let partProperties = part.properties
                switch partProperties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: break
                }
                guard partProperties.isAlphabetic || partProperties.numericType != nil else { continue }
                bytes.append(contentsOf: String(part).lowercased().utf8)
            }
            return bytes.isEmpty ? .separator : .letters(bytes)
        }
    }
}
