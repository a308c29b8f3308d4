/// How many articles have one topic.
public struct TopicCount: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var articles: Int
    public init(id: String, name: String, articles: Int) {
        self.id = id
        self.name = name
        self.articles = articles
    }
}
