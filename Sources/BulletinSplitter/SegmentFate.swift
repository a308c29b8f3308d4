/// Where `ArticleAssembler` put one segment: into a section (by index in its list) or
/// nowhere, with the reason.
struct SegmentFate {
    enum Place {
        case title(section: Int)
        case body(section: Int)
        case whyHeading(section: Int)
        case why(section: Int)
        case skipped(SkipReason)
    }

    var place: Place
    var reason: LineReason
}
