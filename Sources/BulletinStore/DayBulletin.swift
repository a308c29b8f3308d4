#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A bulletin an article of the day came in, as a reader names it: the newsletter's title
/// (its e-mail Subject, when it had one) and its date, with the file name as the fallback.
public struct DayBulletin: Sendable, Equatable {
    public var fileName: String
    /// The bulletin's own title (e-mail Subject) when it had one.
    public var title: String?
    /// The bulletin's own date (e-mail Date) when it had one.
    public var date: Date?
    /// When bulletind received it.
    public var receivedAt: Date

    public init(fileName: String, title: String?, date: Date?, receivedAt: Date) {
        self.fileName = fileName
        self.title = title
        self.date = date
        self.receivedAt = receivedAt
    }
}
