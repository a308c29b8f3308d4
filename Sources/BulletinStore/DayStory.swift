#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One story of a day, from `Store.dayStories(from:to:)`.
public struct DayStory: Sendable, Equatable {
    public var storyID: Int64
    /// Its articles first received in the interval, in order of first arrival (then id).
    public var articleIDs: [Int64]
    /// Distinct bulletins received in the interval that carried those articles.
    public var bulletins: Int
    /// All its articles so far.
    public var totalArticles: Int
    /// Its articles first received before the interval.
    public var earlierArticles: Int
    /// The first arrival among those earlier articles; nil when the story began in the interval.
    public var firstSeen: Date?

    public init(storyID: Int64, articleIDs: [Int64], bulletins: Int, totalArticles: Int,
                earlierArticles: Int, firstSeen: Date?) {
        self.storyID = storyID
        self.articleIDs = articleIDs
        self.bulletins = bulletins
        self.totalArticles = totalArticles
        self.earlierArticles = earlierArticles
        self.firstSeen = firstSeen
    }
}
