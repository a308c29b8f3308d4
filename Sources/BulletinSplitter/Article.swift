/// One article of a bulletin.
public struct Article: Sendable, Equatable, Codable {
    /// The title line, trimmed, markup removed.
    public var title: String
    /// The body paragraphs, separated by one blank line ("\n\n"); no title, no
    /// "why it matters" section, no trailer.
    public var body: String
    /// The "Why does it matter?" section's paragraphs ("\n\n"-separated), without its
    /// heading; nil when the article has none.
    public var why: String?
    /// 1-based position of the article in its bulletin.
    public var position: Int

    public init(title: String, body: String, why: String?, position: Int) {
        self.title = title
        self.body = body
        self.why = why
        self.position = position
    }
}
