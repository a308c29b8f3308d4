/// One topic of a `DayArticle`.
public struct DayTopic: Sendable, Equatable {
    public var id: String
    public var name: String
    public var score: Double
    public init(id: String, name: String, score: Double) {
        self.id = id
        self.name = name
        self.score = score
    }
}
