/// A topic of a `SummaryArticle`.
public struct SummaryTopic: Sendable, Equatable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
