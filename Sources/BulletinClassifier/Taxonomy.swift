/// The topics of a rules file, validated and compiled.
public struct Taxonomy: Sendable {
    public var topics: [Topic]

    /// Parses and validates a rules file's text. `fileName` is used in diagnostics.
    /// Throws `RulesError` listing every problem found, each as `file:line:column: message`.
    public static func parse(_ text: String, fileName: String) throws(RulesError) -> Taxonomy {
        // STUB — to be implemented.
        Taxonomy(topics: [])
    }

    init(topics: [Topic]) { self.topics = topics }
}
