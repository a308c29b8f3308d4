#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One story of a day as the summary's Top stories need it, from
/// `BulletinArchive.dayStoryCounts(from:to:_:)`: `DayStory`'s counts, with only the first of
/// its articles of the interval instead of all their ids.
public struct DayStoryCount: Sendable, Equatable {
    public var storyID: Int64
    /// Its first article of the interval (in order of first arrival, then id).
    public var firstArticleID: Int64
    /// Its articles first received in the interval.
    public var articles: Int
    /// Distinct bulletins received in the interval that carried those articles.
    public var bulletins: Int
    /// All its articles so far.
    public var totalArticles: Int
    /// Its articles first received before the interval.
    public var earlierArticles: Int
    /// The first arrival among those earlier articles; nil when the story began in the interval.
    public var firstSeen: Date?

    public init(storyID: Int64, firstArticleID: Int64, articles: Int, bulletins: Int, totalArticles: Int,
                earlierArticles: Int, firstSeen: Date?) {
        self.storyID = storyID
        self.firstArticleID = firstArticleID
        self.articles = articles
        self.bulletins = bulletins
        self.totalArticles = totalArticles
        self.earlierArticles = earlierArticles
        self.firstSeen = firstSeen
    }

    /// The counts of `story`; nil for a story without articles.
    public init?(_ story: DayStory) {
        guard let first = story.articleIDs.first else { return nil }
        self.init(storyID: story.storyID, firstArticleID: first, articles: story.articleIDs.count,
                  bulletins: story.bulletins, totalArticles: story.totalArticles,
                  earlierArticles: story.earlierArticles, firstSeen: story.firstSeen)
    }
}
