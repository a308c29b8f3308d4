/// One publisher's layout: which documents it is for, and the patterns to split them with.
/// From the `[[layout]]` tables of bulletind.toml.
public struct SplitterLayout: Sendable, Equatable {
    /// A name for messages and `split --explain`.
    public var name: String
    /// Which documents the layout is for.
    public var match: LayoutMatch
    /// The patterns for those documents (its `layouts` are not used).
    public var config: SplitterConfig

    public init(name: String, match: LayoutMatch, config: SplitterConfig) {
        self.name = name
        self.match = match
        self.config = config
    }
}
