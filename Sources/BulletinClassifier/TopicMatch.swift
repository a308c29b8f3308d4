/// One topic given to an article, with why.
public struct TopicMatch: Sendable, Equatable, Codable {
    public var topicID: String
    /// The rule's score for the article (≥ the topic's threshold).
    public var score: Double
    /// The terms and phrases of the rule that matched, as written in the rule
    /// (with field scope, e.g. `title:"data centre"`), each once, in rule order.
    public var matchedTerms: [String]

    public init(topicID: String, score: Double, matchedTerms: [String]) {
        self.topicID = topicID
        self.score = score
        self.matchedTerms = matchedTerms
    }
}
