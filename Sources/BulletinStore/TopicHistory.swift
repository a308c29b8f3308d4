/// Per-day counts over a run of days (`BulletinArchive.topicHistory(days:)`): index `i` of every array is
/// the caller's `days[i]`.
public struct TopicHistory: Sendable, Equatable {
    /// Articles first received on each day (each article once, whatever its topics).
    public var articles: [Int]
    /// Bulletins received on each day.
    public var bulletins: [Int]
    /// Every topic with at least one article on one of the days, by topic id. An article with
    /// several topics counts once for each (as `stats` counts).
    public var topics: [String: TopicSeries]

    public init(articles: [Int], bulletins: [Int], topics: [String: TopicSeries]) {
        self.articles = articles
        self.bulletins = bulletins
        self.topics = topics
    }
}

/// One topic's article counts per day of a `TopicHistory`.
public struct TopicSeries: Sendable, Equatable {
    public var id: String
    public var name: String
    public var counts: [Int]
    public init(id: String, name: String, counts: [Int]) {
        self.id = id
        self.name = name
        self.counts = counts
    }
}
