/// A bulletin an entry came in, named as a reader knows it: the newsletter's title (its e-mail
/// Subject) and its date; the file name when the bulletin had no title.
public struct SummarySource: Sendable, Equatable, Codable {
    /// The bulletin's file name in the archive.
    public var file: String
    /// The newsletter's title or e-mail Subject, when it had one.
    public var title: String?
    /// `YYYY-MM-DD`: the bulletin's own date when it had one, else the day it was received.
    public var date: String?

    public init(file: String, title: String?, date: String?) {
        self.file = file
        self.title = title
        self.date = date
    }

    /// `Title, 2026-11-29`; the file name stands for a missing title, and the date is left out
    /// when unknown.
    public var label: String {
        let name = title.flatMap { $0.isEmpty ? nil : $0 } ?? file
        return date.map { "\(name), \($0)" } ?? name
    }
}
