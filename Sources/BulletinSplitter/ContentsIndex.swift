/// Answers "does this candidate before the first article reappear later as a candidate?"
/// (a table of contents entry). Built on the first question, in one pass over the
/// segments after it; later questions are about later candidates.
struct ContentsIndex {
    private var lastOccurrence: [String: Int]?

    mutating func reappears(_ index: Int, in segments: [Segment], end: Int) -> Bool {
        guard segments[index].isTitleCandidate else { return false }
        if lastOccurrence == nil {
            var last: [String: Int] = [:]
            for position in (index + 1)..<max(index + 1, end) where segments[position].isTitleCandidate {
                last[segments[position].text.lowercased()] = position
            }
            lastOccurrence = last
        }
        guard let last = lastOccurrence?[segments[index].text.lowercased()] else { return false }
        return last > index
    }
}
