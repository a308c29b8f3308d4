import BulletinSplitter

/// The identity of an article's text: SHA-256 of its title, body and "why it matters",
/// each lower-cased with every run of whitespace collapsed to one space and trimmed,
/// joined by a U+001F separator, as 64 lower-case hexadecimal characters. Two articles with
/// the same fingerprint are stored once, so callers may rely on the same text giving the same
/// string in every version of bulletind (it is stored in `article.text_hash`).
public enum ArticleFingerprint {
    public static func of(_ article: Article) -> String {
        let digest = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4_096) { buffer in
            var writer = NormalisedTextWriter(buffer: buffer)
            writer.append(article.title)
            writer.appendSeparator()
            writer.append(article.body)
            writer.appendSeparator()
            writer.append(article.why ?? "")
            return writer.digest()
        }
        // The same SHA-256 hex as a bulletin's content hash, of the normalised text.
        return ContentHash.hex(digest)
    }
}
