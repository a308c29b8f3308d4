import Foundation

/// Turns a bulletin file's bytes into a `Document`.
///
/// Pure: it never touches the file system. The format is chosen from the file name's
/// extension (`.txt`/none → text, `.md`/`.markdown` → markdown, `.html`/`.htm` → html,
/// `.eml` → email), falling back on content sniffing for unknown extensions.
public struct BulletinReader: Sendable {
    public init() {}

    public func read(_ data: Data, fileName: String) throws(ReadError) -> Document {
        // STUB — to be implemented.
        guard let s = String(data: data, encoding: .utf8), !s.isEmpty else { throw .empty }
        return Document(format: .text, encoding: "utf-8", markup: .plain, text: s)
    }
}
