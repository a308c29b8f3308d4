extension ArticleAssembler {
    /// Fewest prose paragraphs on each side of a lost trailer: an article body is more
    /// than a lead line.
    static let lostTrailerParagraphs = 2
    /// Each side of a lost trailer holds at least this share (1/n) of the prose of the
    /// bulletin's typical trailer-closed block. A third, so that a block that holds two
    /// articles still passes when most blocks lost their trailer too (the typical block is
    /// then itself two articles).
    static let lostTrailerShare = 3

    /// Whether the title candidate at `index`, inside a section that a trailer closes and
    /// that began after a delimiter, marks a lost trailer: the block holds two articles.
    ///
    /// The rule weighs the line against the sub-heading of an article with sections
    /// (which must stay in the body). All of these must hold:
    /// - **Trailers are the bulletin's pattern**: at least two trailers, and the block of
    ///   `index` is closed by one.
    /// - **The line looks like the bulletin's titles**, not like a sub-heading: at least
    ///   `strictWords` words (75% of the median sure title), standing alone between a
    ///   finished sentence and a long paragraph (`titleShaped`, checked by the caller).
    /// - **It is the only stand-alone candidate of its block.** An article with sections
    ///   has a series of sub-headings; a block that lost one trailer has one title in it.
    /// - **Both parts are article-sized**: the section's text before the line and the
    ///   block's text after it (body and why) each hold at least `lostTrailerParagraphs`
    ///   prose paragraphs and a `lostTrailerShare`-th of the typical block's prose.
    ///   A sub-heading usually comes after a lead of a paragraph or two; a lost trailer
    ///   comes after a complete article body.
    /// - **No why section yet** in the section (after why text the caller already starts
    ///   an article, `titleAfterWhy`).
    func isLostTrailer(at index: Int, within section: Section, titleShaped: Bool) -> Bool {
        let blocks = measures.blocks
        guard titleShaped, section.why.isEmpty, !section.inWhy, blocks.trailerCount >= 2, blocks.isClosed(index),
              blocks.standaloneCandidates(inBlockOf: index) == 1 else { return false }
        let blockEnd = blocks.end(ofBlockOf: index)
        guard segments[blockEnd].kind == .trailer else { return false }
        let before = blocks.prose(in: (section.title + 1)..<index)
        let after = blocks.prose(in: (index + 1)..<blockEnd)
        let least = blocks.typicalBytes / Self.lostTrailerShare
        return before.paragraphs >= Self.lostTrailerParagraphs && after.paragraphs >= Self.lostTrailerParagraphs
            && before.bytes >= least && after.bytes >= least
    }
}
