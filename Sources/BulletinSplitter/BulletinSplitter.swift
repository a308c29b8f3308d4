import BulletinReader

/// Splits a `Document` into its articles. Pure and deterministic.
public struct BulletinSplitter: Sendable {
    public let config: SplitterConfig

    /// Throws `SplitterConfigError` when a pattern is not a valid regular expression.
    public init(config: SplitterConfig = .default) throws {
        self.config = config
    }

    /// The articles in order, positions 1...n. Empty when the text holds no article.
    public func split(_ document: Document) -> [Article] {
        // STUB — to be implemented.
        []
    }
}
