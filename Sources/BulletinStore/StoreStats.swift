/// Counts over the whole database, from `Store.stats()`.
public struct StoreStats: Sendable, Codable, Equatable {
    public var bulletins: Int
    public var articles: Int
    /// How many times a bulletin already stored arrived again.
    public var duplicates: Int
    /// Articles without any topic.
    public var unclassified: Int
    /// Every topic of the topic table (zero counts included), most articles first, ties by name.
    public var topics: [TopicCount]
    public init(bulletins: Int, articles: Int, duplicates: Int, unclassified: Int, topics: [TopicCount]) {
        self.bulletins = bulletins
        self.articles = articles
        self.duplicates = duplicates
        self.unclassified = unclassified
        self.topics = topics
    }
}
