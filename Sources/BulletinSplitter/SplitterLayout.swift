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

extension SplitterLayout {
    /// The layouts shipped in bulletind.toml: the Diplo / Digital Watch digest.
    public static let builtIn: [SplitterLayout] = [digitalWatch]

    /// The sample's publisher, by sender, list, subject or file name, with every trailer
    /// variant seen: the chatbot line (with or without "?", "!", a space before "If so",
    /// "Diplo"), its shorter newer wordings, and the older "For more information on these topics, visit diplomacy.edu."
    public static let digitalWatch = SplitterLayout(
        name: "digital-watch",
        match: LayoutMatch(
            from: ["*diplomacy.edu*", "*dig.watch*", "*diplo*"],
            listID: ["*diplomacy.edu*", "*dig.watch*"],
            subject: [#"digital watch|diplo\b"#],
            fileName: ["diplo*", "*digital-watch*", "*dig-watch*", "*digwatch*"]),
        config: SplitterConfig(
            trailerPatterns: Array(SplitterConfig.defaultTrailerPatterns.prefix(2)) + [
                #"for more information on (these|this|those|the) (topics?|issues?|stories|subjects?),?\s*(please\s+)?(visit|see|go to)\s+(https?://)?(www\.)?(diplomacy\.edu|dig\.watch)\S{0,80}?[.!]?"#,
            ],
            whyHeadingPatterns: SplitterConfig.defaultWhyHeadingPatterns,
            layouts: []))
}
