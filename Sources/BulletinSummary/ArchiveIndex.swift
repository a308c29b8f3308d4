/// What `summaries/index.html` lists: the archive's weeks and days, newest first.
public struct ArchiveIndex: Sendable, Equatable {
    public var generatedAt: String
    public var timeZone: String
    public var days: [Page]
    public var weeks: [Page]

    /// One day's or week's page.
    public struct Page: Sendable, Equatable {
        /// The page's file name, relative to the index (`2026-11-29.html`).
        public var file: String
        /// `2026-11-29` or `2026-W48`.
        public var label: String
        public var bulletins: Int
        public var articles: Int
        /// The names of its largest topics, largest first.
        public var topTopics: [String]

        public init(file: String, label: String, bulletins: Int, articles: Int, topTopics: [String]) {
            self.file = file
            self.label = label
            self.bulletins = bulletins
            self.articles = articles
            self.topTopics = topTopics
        }
    }

    public init(generatedAt: String, timeZone: String, days: [Page], weeks: [Page]) {
        self.generatedAt = generatedAt
        self.timeZone = timeZone
        self.days = days
        self.weeks = weeks
    }
}
