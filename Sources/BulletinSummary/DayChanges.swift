/// What changed since yesterday, for the summary's header line.
public struct DayChanges: Sendable, Equatable, Codable {
    /// Articles first received the day before.
    public var articlesYesterday: Int
    /// Names of the topics marked rising, largest first.
    public var rising: [String]
    /// Names of the topics marked new, largest first.
    public var new: [String]
    /// Names of topics with articles today and none yesterday that are not new, largest first.
    public var back: [String]
    /// Names of topics with articles yesterday and none today, yesterday's largest first.
    public var quiet: [String]

    public init(articlesYesterday: Int, rising: [String], new: [String], back: [String], quiet: [String]) {
        self.articlesYesterday = articlesYesterday
        self.rising = rising
        self.new = new
        self.back = back
        self.quiet = quiet
    }
}
