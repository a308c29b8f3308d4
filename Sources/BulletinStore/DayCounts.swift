/// Per-day totals from `BulletinArchive.dayCounts(days:)`: index `i` of every array is the caller's `days[i]`.
public struct DayCounts: Sendable, Equatable {
    /// Articles first received on each day.
    public var articles: [Int]
    /// The largest article id among them (0 for a day without articles).
    public var lastArticleIDs: [Int64]
    /// Bulletins received on each day.
    public var bulletins: [Int]
    /// Changes when the articles' topics are assigned again (`reclassify`), and only then as
    /// far as a caller can rely on: SQLite's smallest row number of the article–topic table
    /// (0 when empty), PostgreSQL's count of reclassifications (`PostgresArchive.dayCounts`).
    public var topicRowsFloor: Int64

    public init(articles: [Int], lastArticleIDs: [Int64], bulletins: [Int], topicRowsFloor: Int64) {
        self.articles = articles
        self.lastArticleIDs = lastArticleIDs
        self.bulletins = bulletins
        self.topicRowsFloor = topicRowsFloor
    }
}
