/// The patterns that describe a publisher's layout. Loaded from the `[format]` table of
/// bulletind.toml; `default` matches the Diplo digest layout.
public struct SplitterConfig: Sendable, Equatable {
    /// Regular expressions (ICU/NSRegularExpression syntax, matched case-insensitively
    /// against a whole trimmed line) for the recurring trailer line that ends an article.
    public var trailerPatterns: [String]
    /// Regular expressions (same rules) for the heading that opens the
    /// "why it matters" section.
    public var whyHeadingPatterns: [String]

    public init(trailerPatterns: [String], whyHeadingPatterns: [String]) {
        self.trailerPatterns = trailerPatterns
        self.whyHeadingPatterns = whyHeadingPatterns
    }

    public static let `default` = SplitterConfig(
        trailerPatterns: [#"would you like to learn more about .*chatbot\W*"#],
        whyHeadingPatterns: [#"why (does|do|did) (it|this|that) matters?\s*\??:?"#]
    )
}
