/// One topic of an article with the score and the rule terms that matched.
public struct ExplainedTopic: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var score: Double
    public var matchedTerms: [String]

    public init(id: String, name: String, score: Double, matchedTerms: [String]) {
        self.id = id
        self.name = name
        self.score = score
        self.matchedTerms = matchedTerms
    }
}
