/// The reason a segment outside any article is skipped: front matter before the first
/// article (masthead, contents, intro), or house text between articles.
extension ArticleAssembler {
    func frontLabel(_ segment: Segment, _ contents: inout ContentsIndex, at index: Int) -> SkipReason {
        switch segment.kind {
        case .markupOnly, .separator: return .markup
        case .footer: return .footer
        case .trailer: return .trailer
        case .whyHeading: return .intro
        case .paragraph: break
        }
        if segment.mark == .house { return .intro }
        let inList = segment.isBullet && ((index > 0 && segments[index - 1].isBullet)
                                          || (index + 1 < segments.count && segments[index + 1].isBullet))
        if inList || TextShape.isContentsHeading(segment.text)
            || (segment.isTitleCandidate && contents.reappears(index, in: segments, end: measures.end)) {
            return .contents
        }
        if let last = TextShape.lastSignificantScalar(segment.text), last == "," || last == "!" { return .intro }
        return segment.isProse && TextShape.endsSentence(segment.text) ? .intro : .masthead
    }

    func frontReason(_ index: Int, _ contents: inout ContentsIndex) -> LineReason {
        let segment = segments[index]
        switch segment.kind {
        case .markupOnly: return .markupOnly
        case .separator: return .separator
        case .footer: return .footerPattern
        case .trailer: return .trailerPattern
        case .whyHeading: return .orphanText
        case .paragraph: break
        }
        if segment.mark == .house { return .housePattern }
        if isMasthead(index) { return .mastheadPattern }
        if segment.isTitleCandidate && contents.reappears(index, in: segments, end: measures.end) { return .contentsRepeated }
        return .frontMatter
    }

    func outsideLabel(_ segment: Segment, _ outside: Outside, _ first: Bool) -> SkipReason {
        if segment.mark == .caption { return .caption }
        if first && outside == .start { return segment.isProse ? .intro : .masthead }
        return .house
    }
}
