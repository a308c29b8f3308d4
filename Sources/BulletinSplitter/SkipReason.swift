/// Why a line of a bulletin is in no article: the part of the bulletin it belongs to.
/// The raw values are what `split --json` prints as `"as"`.
public enum SkipReason: String, Sendable, Codable, CaseIterable {
    /// The bulletin's name, issue, date, or other front lines before the first article.
    case masthead
    /// A table of contents before the first article.
    case contents
    /// The editor's introduction or greeting before the first article.
    case intro
    /// Unsubscribe, copyright, address lines, and everything after the footer starts.
    case footer
    /// A section without prose: only list items or links (jobs, events, reading lists).
    case linkList = "link-list"
    /// A recurring house section (contributors' corner, questions box, sign-off, a
    /// section heading with no prose of its own), or text between articles with no title.
    case house
    /// A trailer line that closes an article.
    case trailer
    /// A caption or credit line outside any article.
    case caption
    /// A line with nothing but markup (`**`, a lone `#`, an empty link): it holds no text.
    case markup
}
