/// Chooses a file's `DocumentFormat` from its name, and from its content when the name
/// does not settle it.
enum FormatSniffer {
    /// The format named by the file's extension (case-insensitive): `md`/`markdown` →
    /// markdown, `html`/`htm` → html, `eml` → email. Nil for `.txt`, no extension or an
    /// unknown one: the content decides (`sniff`).
    static func format(forFileName fileName: String) -> DocumentFormat? {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        switch base[base.index(after: dot)...].lowercased() {
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "eml": return .email
        default: return nil
        }
    }

    /// How many leading scalars the content sniffer looks at.
    private static let sniffLength = 65_536
    /// Enough bytes of UTF-8 for `sniff` to decide: `sniffLength` scalars of up to four bytes.
    static let sniffBytes = 4 * sniffLength + 4

    /// The format of decoded text that came without a telling extension: HTML when it starts
    /// (after whitespace) with `<!DOCTYPE html` or `<html`; e-mail when it starts with a header
    /// section, that is at least two header fields, the first one a typical message field
    /// (`From`, `Received`, `Return-Path`, `MIME-Version`, …), then an empty line; text otherwise.
    static func sniff(_ text: String) -> DocumentFormat {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var skipped = 0
        while start < scalars.endIndex, skipped < sniffLength, isLeadingSpace(scalars[start]) {
            start = scalars.index(after: start)
            skipped += 1
        }
        let head = String(String.UnicodeScalarView(scalars[start...].prefix(min(32, sniffLength - skipped)))).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        return startsWithHeaderSection(scalars) ? .email : .text
    }

    private static func isLeadingSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{FEFF}"
    }

    private static let messageFields: Set<String> = [
        "from", "received", "return-path", "mime-version", "delivered-to", "message-id",
        "date", "subject", "to", "reply-to", "sender", "x-mailer", "content-type", "dkim-signature",
        "authentication-results", "arc-seal", "x-original-to", "envelope-to",
    ]

    /// Reads lines only as far as needed, within the first `sniffLength` scalars.
    private static func startsWithHeaderSection(_ scalars: String.UnicodeScalarView) -> Bool {
        var fieldCount = 0
        var lineStart = scalars.startIndex
        var position = 0
        while lineStart < scalars.endIndex, position < sniffLength {
            var lineEnd = lineStart
            while lineEnd < scalars.endIndex, position < sniffLength, scalars[lineEnd] != "\n" {
                lineEnd = scalars.index(after: lineEnd)
                position += 1
            }
            guard lineEnd < scalars.endIndex, position < sniffLength else { return false }
            var contentEnd = lineEnd
            if contentEnd > lineStart, scalars[scalars.index(before: contentEnd)] == "\r" {
                contentEnd = scalars.index(before: contentEnd)
            }
            let line = scalars[lineStart..<contentEnd]
            if line.isEmpty { return fieldCount >= 2 }
            if let first = line.first, first == " " || first == "\t" {
                if fieldCount == 0 { return false }
            } else {
                guard let colon = line.firstIndex(of: ":"), colon > line.startIndex,
                      line[line.startIndex..<colon].allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
                else { return false }
                if fieldCount == 0 {
                    let name = String(String.UnicodeScalarView(line[line.startIndex..<colon])).lowercased()
                    guard messageFields.contains(name) else { return false }
                }
                fieldCount += 1
            }
            lineStart = scalars.index(after: lineEnd)
            position += 1
        }
        return false
    }
}
