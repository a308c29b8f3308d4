#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a bulletin file's bytes into a `Document`.
///
/// Pure: it never touches the file system, never crashes on hostile input and runs in
/// time linear in the input.
///
/// - Format: from the file name's extension, case-insensitively (`.md`/`.markdown` →
///   markdown, `.html`/`.htm` → html, `.eml` → email). `.txt`, no extension or an unknown
///   one is text, unless the content starts with `<!DOCTYPE html`/`<html` (→ html) or with
///   an e-mail header section (→ email).
/// - Encoding: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, otherwise Windows-1252;
///   for e-mail, the chosen body part's charset.
/// - Markup: `.plain` for text and text/plain e-mail, `.markdown` for Markdown and for
///   HTML (converted to markdown-like text, see `HTMLToText`).
/// - Errors: `.notText` for binary data (see `BinarySniffer`), `.empty` when no text
///   remains after normalisation, `.malformedEmail` for an e-mail without headers or
///   without a textual body.
public struct BulletinReader: Sendable {
    public init() {}

    /// The file name extensions (lower-case, without dot) the reader treats specially;
    /// any other name is read as text after content sniffing.
    public static let knownExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "xhtml", "eml"]

    public func read(_ data: Data, fileName: String) throws(ReadError) -> Document {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty }
        if let reason = BinarySniffer.reasonNotText(bytes) { throw .notText(reason) }

        let named = FormatSniffer.format(forFileName: fileName)
        if named == .email { return try readEmail(bytes) }

        let decoded = CharsetDecoder.decodeFile(bytes)
        let format = named ?? FormatSniffer.sniff(decoded.text)
        let document: Document
        switch format {
        case .email:
            return try readEmail(bytes)
        case .html:
            let converted = HTMLToText.convert(decoded.text)
            document = Document(format: .html, encoding: decoded.encoding, markup: .markdown,
                                title: converted.title, text: converted.text)
        case .markdown:
            document = Document(format: .markdown, encoding: decoded.encoding, markup: .markdown,
                                text: TextNormalizer.normalize(decoded.text))
        case .text:
            document = Document(format: .text, encoding: decoded.encoding, markup: .plain,
                                text: TextNormalizer.normalize(decoded.text))
        }
        guard !document.text.isEmpty else { throw .empty }
        return document
    }

    /// Reads an e-mail message. A UTF-16 file (with BOM) is transcoded to UTF-8 first;
    /// a UTF-8 BOM is skipped.
    private func readEmail(_ bytes: [UInt8]) throws(ReadError) -> Document {
        var messageBytes = bytes
        if CharsetDecoder.utf16ByteOrderMark(bytes) != nil {
            messageBytes = Array(CharsetDecoder.decodeFile(bytes).text.utf8)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            messageBytes.removeFirst(3)
        }
        return try EmailMessage(parsing: messageBytes).document()
    }
}
