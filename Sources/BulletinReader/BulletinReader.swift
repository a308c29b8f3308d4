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

    /// The file's bytes are read where they lie, not copied (an e-mail excepted). When the
    /// caller hands them over (`consume`), they are let go as soon as they are read: an HTML
    /// page's before its text is normalised.
    public func read(_ data: consuming Data, fileName: String) throws(ReadError) -> Document {
        let read: Result<Read, ReadError> = data.withUnsafeBytes { raw in
            Result { () throws(ReadError) -> Read in try self.read(bytes: raw.bindMemory(to: UInt8.self), fileName: fileName) }
        }
        _ = consume data
        switch try read.get() {
        case .document(let document):
            return document
        case .html(let markdown, let encoding):
            return try document(html: markdown.normalized(), encoding: encoding)
        }
    }

    /// A document, or an HTML page converted but not yet normalised.
    private enum Read {
        case document(Document)
        case html(HTMLToText.Markdown, encoding: String)
    }

    private func read(bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(ReadError) -> Read {
        guard !bytes.isEmpty else { throw .empty }
        if let reason = BinarySniffer.reasonNotText(bytes) { throw .notText(reason) }

        let named = FormatSniffer.format(forFileName: fileName)
        if named == .email { return .document(try readEmail(bytes)) }

        if let utf8 = CharsetDecoder.validUTF8File(bytes) {
            // The common case: valid UTF-8. Text and Markdown are normalised straight from the
            // file's bytes into the document's text, with no decoded copy in between.
            let format = named ?? FormatSniffer.sniff(String(decoding: utf8.body.prefix(FormatSniffer.sniffBytes), as: UTF8.self))
            switch format {
            case .email:
                return .document(try readEmail(bytes))
            case .html:
                return .html(HTMLToText.markdown(utf8: utf8.body), encoding: utf8.encoding)
            case .markdown, .text:
                return .document(try document(format: format, encoding: utf8.encoding, text: TextNormalizer.normalize(utf8: utf8.body)))
            }
        }
        let decoded = CharsetDecoder.decodeFile(bytes)
        switch named ?? FormatSniffer.sniff(decoded.text) {
        case .email:
            return .document(try readEmail(bytes))
        case .html:
            return .document(try document(html: HTMLToText.convert(decoded.text), encoding: decoded.encoding))
        case let format:
            return .document(try document(format: format, encoding: decoded.encoding, text: TextNormalizer.normalize(decoded.text)))
        }
    }

    private func document(html converted: HTMLToText.Result, encoding: String) throws(ReadError) -> Document {
        try document(Document(format: .html, encoding: encoding, markup: .markdown,
                                     title: converted.title, text: converted.text))
    }

    /// A text or Markdown document.
    private func document(format: DocumentFormat, encoding: String, text: String) throws(ReadError) -> Document {
        try document(Document(format: format, encoding: encoding, markup: format == .markdown ? .markdown : .plain, text: text))
    }

    private func document(_ document: Document) throws(ReadError) -> Document {
        guard !document.text.isEmpty else { throw .empty }
        return document
    }

    /// Reads an e-mail message. A UTF-16 file (with BOM) is transcoded to UTF-8 first;
    /// a UTF-8 BOM is skipped.
    private func readEmail(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> Document {
        let messageBytes: [UInt8]
        if CharsetDecoder.utf16ByteOrderMark(bytes) != nil {
            messageBytes = Array(CharsetDecoder.decodeFile(bytes).text.utf8)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            messageBytes = Array(bytes.dropFirst(3))
        } else {
            messageBytes = Array(bytes)
        }
        return try EmailMessage(parsing: messageBytes).document()
    }
}
