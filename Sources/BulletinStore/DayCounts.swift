/// Per-day totals from `Store.dayCounts(days:)`: index `i` of every array is the caller's `days[i]`.
public struct DayCounts: Sendable, Equatable {
    /// Articles first received on each day.
    public var articles: [Int]
    /// The largest article id among them (0 for a day without articles).
    public var lastArticleIDs: [Int64]
    /// Bulletins received on each day.
    public var bulletins: [Int]
    /// The smallest row number of the article–topic table (0 when empty): it changes when the
    /// articles' topics are assigned again.
    public var topicRowsFloor: Int64

    public init(articles: [Int], lastArticleIDs: [Int64], bulletins: [Int], topicRowsFloor: Int64) {
        self.articles = articles
        self.lastArticleIDs = lastArticleIDs
        self.bulletins = bulletins
        self.topicRowsFloor = topicRowsFloor
    }
}
