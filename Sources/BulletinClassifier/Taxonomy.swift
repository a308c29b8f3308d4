import TOML

/// The topics of a rules file, validated.
public struct Taxonomy: Sendable {
    /// The topics in file order. Every rule parses when the taxonomy comes from `parse`.
    public var topics: [Topic]

    /// The keys a `[[topic]]` table may have.
    public static let topicKeys: [String] = ["id", "name", "rule", "threshold"]

    /// Parses and validates a rules file's text. `fileName` is used in diagnostics.
    /// Throws `RulesError` listing every problem found (all topics are checked), each as
    /// `file:line:column: message`, sorted by position.
    public static func parse(_ text: String, fileName: String) throws(RulesError) -> Taxonomy {
        var reader = TaxonomyReader(fileName: fileName)
        let topics = reader.read(text)
        guard reader.diagnostics.isEmpty else {
            throw RulesError(diagnostics: reader.diagnostics.enumerated().sorted {
                let (left, right) = ($0.element, $1.element)
                if (left.line, left.column) != (right.line, right.column) {
                    return (left.line, left.column) < (right.line, right.column)
                }
                return $0.offset < $1.offset
            }.map(\.element))
        }
        return Taxonomy(topics: topics)
    }

    /// The topic with this id, if any.
    public func topic(id: String) -> Topic? { topics.first { $0.id == id } }

    init(topics: [Topic]) { self.topics = topics }
}
