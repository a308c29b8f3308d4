#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a bulletin file was written.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case email
}

/// How `Document.text` is to be read by the splitter.
public enum Markup: String, Codable, Sendable {
    /// Plain prose: no syntax of its own.
    case plain
    /// Markdown-like: `#`-prefixed lines are headings, `- ` lines are list items,
    /// `**bold**` and `[text](url)` may occur. HTML is converted to this.
    case markdown
}

/// A bulletin file decoded into normalised text, ready for the splitter.
///
/// A caller may rely on `text` having LF line endings only, no BOM, no NUL bytes,
/// non-breaking and other Unicode spaces turned into ASCII spaces, no trailing
/// whitespace on any line, and no leading or trailing blank lines. Moreover: no tabs,
/// no control characters other than LF, no zero-width spaces, never two blank lines in
/// a row, no final newline, and never empty (the reader throws `ReadError.empty`
/// instead). Lines of text, Markdown and text/plain e-mail are never joined or re-wrapped
/// (except `format=flowed` soft breaks, which the sender marked as such) and keep their
/// indentation; HTML is laid out as a browser would (see `markup`).
public struct Document: Sendable, Equatable {
    /// The format the file was recognised as.
    public var format: DocumentFormat
    /// The character encoding the bytes were decoded from:
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`, or for e-mail the
    /// charset of the chosen body part (e.g. `iso-8859-1`).
    public var encoding: String
    /// How `text` is to be read.
    public var markup: Markup
    /// A title for the whole bulletin when the file carries one (e-mail Subject, HTML <title>).
    public var title: String?
    /// The bulletin's own date when the file carries one (e-mail Date header).
    public var date: Date?
    /// The normalised text.
    public var text: String
    /// The e-mail `From` header as written (encoded-words decoded, one line); nil for
    /// other formats. Chooses the splitter layout.
    public var sender: String?
    /// The e-mail `List-Id` header (one line); nil when absent. Chooses the splitter layout.
    public var listID: String?

    public init(format: DocumentFormat, encoding: String, markup: Markup, title: String? = nil, date: Date? = nil,
                text: String, sender: String? = nil, listID: String? = nil) {
        self.format = format
        self.encoding = encoding
        self.markup = markup
        self.title = title
        self.date = date
        self.text = text
        self.sender = sender
        self.listID = listID
    }
}
