#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An e-mail message (RFC 5322 + MIME) reduced to what a bulletin needs: subject, date and
/// one textual body.
struct EmailMessage: Sendable {
    /// Which kind of body was chosen.
    enum BodyKind: Sendable { case plain, html }

    var root: MIMEPart

    /// Parses the message; throws `.malformedEmail` when it has no header fields.
    init(parsing bytes: [UInt8]) throws(ReadError) {
        root = MIMEPart(parsing: bytes)
        guard !root.headers.fields.isEmpty else { throw .malformedEmail("no header fields") }
    }

    /// The `Subject`, RFC 2047 encoded-words decoded, whitespace collapsed; nil when absent or blank.
    var subject: String? {
        guard let raw = root.headers["subject"] else { return nil }
        let subject = TextNormalizer.singleLine(EncodedWord.decode(raw))
        return subject.isEmpty ? nil : subject
    }

    /// A header as one line, RFC 2047 encoded-words decoded; nil when absent or blank.
    func singleLineHeader(_ name: String) -> String? {
        guard let raw = root.headers[name] else { return nil }
        let value = TextNormalizer.singleLine(EncodedWord.decode(raw))
        return value.isEmpty ? nil : value
    }

    /// The `Date` header, when present and parseable.
    var date: Date? {
        root.headers["date"].flatMap(RFC5322Date.parse)
    }

    /// The body part to read: in `multipart/alternative` the first `text/plain` alternative,
    /// else the first `text/html` one; in any other multipart the first textual part in
    /// order; in an inline `message/rfc822` part, the enclosed message's body. Attachments
    /// (`Content-Disposition: attachment`) and non-text parts are skipped.
    func bodyPart() -> (part: MIMEPart, kind: BodyKind)? {
        Self.bodyPart(in: root)
    }

    private static func bodyPart(in part: MIMEPart) -> (part: MIMEPart, kind: BodyKind)? {
        if part.isAttachment { return nil }
        let type = part.mediaType
        if type.hasPrefix("multipart/") {
            if type == "multipart/alternative" {
                let candidates = part.parts.compactMap(bodyPart(in:))
                return candidates.first { $0.kind == .plain } ?? candidates.first
            }
            for child in part.parts {
                if let found = bodyPart(in: child) { return found }
            }
            return nil
        }
        if type == "message/rfc822" {
            return part.parts.first.flatMap(bodyPart(in:))
        }
        switch type {
        case "text/html", "application/xhtml+xml": return (part, .html)
        case "text/plain", "text/markdown", "text/x-markdown", "text", "": return (part, .plain)
        default: return nil
        }
    }

    /// The message as a `Document`: `markup` is `.markdown` for a text/markdown body,
    /// `.plain` for a text/plain body (its
    /// `format=flowed` soft breaks undone, see `FlowedText`), `.markdown` for an HTML body; `encoding` is the body's charset; `title` the subject (or the HTML
    /// `<title>` when there is no subject).
    func document() throws(ReadError) -> Document {
        guard let (part, kind) = bodyPart() else {
            throw .malformedEmail("no text/plain or text/html body part")
        }
        let decoded = CharsetDecoder.decode(part.decodedBody, declaredCharset: part.charset)
        let text: String
        var title = subject
        let markup: Markup
        switch kind {
        case .plain:
            let parameters = part.contentType.parameters
            if parameters["format"]?.lowercased() == "flowed" {
                let deleteSpace = parameters["delsp"]?.lowercased() == "yes"
                text = TextNormalizer.normalize(FlowedText.unflow(decoded.text, deleteSpace: deleteSpace))
            } else {
                text = TextNormalizer.normalize(decoded.text)
            }
            // A text/markdown body keeps its Markdown headings for the splitter.
            markup = part.mediaType == "text/markdown" || part.mediaType == "text/x-markdown" ? .markdown : .plain
        case .html:
            let converted = HTMLToText.convert(decoded.text)
            text = converted.text
            title = title ?? converted.title
            markup = .markdown
        }
        guard !text.isEmpty else { throw .empty }
        return Document(format: .email, encoding: decoded.encoding, markup: markup, title: title, date: date, text: text,
                        sender: singleLineHeader("from"), listID: singleLineHeader("list-id"))
    }
}
