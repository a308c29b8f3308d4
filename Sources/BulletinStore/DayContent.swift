/// The raw material of one day's summary, from `Store.day(from:to:)`.
public struct DayContent: Sendable, Equatable {
    /// Bulletins received in the interval (duplicates not counted again).
    public var bulletins: Int
    /// Articles first received in the interval, each once, in order of first arrival.
    public var articles: [DayArticle]
    public init(bulletins: Int, articles: [DayArticle]) {
        self.bulletins = bulletins
        self.articles = articles
    }
}
