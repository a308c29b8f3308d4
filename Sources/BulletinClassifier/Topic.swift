/// One topic of the taxonomy, as written in the rules file.
public struct Topic: Sendable, Equatable, Codable {
    /// Stable identifier (`[a-z0-9_-]+`), used in the database and on the command line.
    public var id: String
    /// Display name for summaries.
    public var name: String
    /// The rule's source text.
    public var rule: String
    /// The minimum score an article needs to get this topic.
    public var threshold: Double

    public init(id: String, name: String, rule: String, threshold: Double) {
        self.id = id
        self.name = name
        self.rule = rule
        self.threshold = threshold
    }
}
