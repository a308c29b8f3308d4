#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A full-text search request.
public struct SearchQuery: Sendable {
    /// The user's words: terms (implicit AND), "quoted phrases", AND/OR/NOT (upper case),
    /// prefix* and parentheses. See `SearchQueryTranslator`.
    public var text: String
    /// Only articles with this topic id.
    public var topic: String?
    /// Only articles first received at or after this time.
    public var since: Date?
    /// At most this many hits (values below 1 give no hits).
    public var limit: Int
    public init(text: String, topic: String? = nil, since: Date? = nil, limit: Int = 20) {
        self.text = text
        self.topic = topic
        self.since = since
        self.limit = limit
    }
}
