/// One `SplitterConfig`'s patterns, compiled.
struct CompiledPatterns: Sendable {
    /// Footer lines are short; longer lines are not matched against footer patterns.
    static let footerLineLengthLimit = 400

    let trailers: LinePatternSet
    let whyHeadings: LinePatternSet
    let footers: LinePatternSet
    let captions: LinePatternSet
    let mastheads: LinePatternSet
    let houses: LinePatternSet

    init(_ config: SplitterConfig) throws(SplitterConfigError) {
        trailers = try LinePatternSet(config.trailerPatterns)
        whyHeadings = try LinePatternSet(config.whyHeadingPatterns)
        footers = try LinePatternSet(config.footerPatterns, lengthLimit: Self.footerLineLengthLimit)
        captions = try LinePatternSet(config.captionPatterns)
        mastheads = try LinePatternSet(config.mastheadPatterns)
        houses = try LinePatternSet(config.housePatterns)
    }
}
