import BulletinSplitter

/// The identity of an article's text: SHA-256 of its title, body and "why it matters",
/// each lower-cased with every run of whitespace collapsed to one space and trimmed,
/// joined by a U+001F separator, as 64 lower-case hexadecimal characters. Two articles with
/// the same fingerprint are stored once, so callers may rely on the same text giving the same
/// string in every version of bulletind (it is stored in `article.text_hash`).
public enum ArticleFingerprint {
    public static func of(_ article: Article) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(article.title.utf8.count + article.body.utf8.count + (article.why?.utf8.count ?? 0) + 2)
        appendNormalised(article.title, to: &bytes)
        bytes.append(0x1F)
        appendNormalised(article.body, to: &bytes)
        bytes.append(0x1F)
        appendNormalised(article.why ?? "", to: &bytes)
        // The same SHA-256 hex as a bulletin's content hash, of the normalised text.
        return ContentHash.of(bytes)
    }

    /// Appends the lower-cased text with whitespace runs collapsed (one pass over the scalars),
    /// as UTF-8. ASCII scalars — nearly all of them — are classified and written as bytes;
    /// only the others ask for their Unicode properties.
    private static func appendNormalised(_ text: String, to bytes: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        for scalar in text.lowercased().unicodeScalars {
            let value = scalar.value
            let isWhitespace = value < 0x80
                ? value == 0x20 || (0x09...0x0D).contains(value)
                : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
            wroteAny = true
        }
    }
}
