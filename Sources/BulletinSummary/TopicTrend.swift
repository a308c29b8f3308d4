/// One topic of the day with its memory: today's articles against the trailing mean, and where
/// its articles are listed. Every topic with an article today has one (`DaySummary.topics`),
/// also a topic whose articles are all listed under other topics' sections.
public struct TopicTrend: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    /// Today's articles with this topic, best topic or not (what `stats` counts).
    public var articles: Int
    /// The mean of the topic's daily counts over the trailing window's days with data (days
    /// on which any article arrived), today excluded, rounded to 2 decimals; nil when the
    /// window had no such day (the first day of an archive).
    public var mean: Double?
    /// The topic's articles the day before (0 when none).
    public var yesterday: Int
    /// `TrendRules.isRising`: clearly above the trailing mean.
    public var rising: Bool
    /// `TrendRules.isNew`: no article in the 28 days before today (and the archive had data then).
    public var new: Bool
    /// Daily counts of the last `TrendRules.sparklineDays` days, oldest first, today last.
    public var history: [Int]
    /// When the topic has no section of its own (all its articles sit under their best topic):
    /// the sections holding them, with how many each. Empty for a topic with its own section.
    public var listedUnder: [Placement]

    public struct Placement: Sendable, Equatable, Codable {
        /// The section's topic name.
        public var section: String
        public var articles: Int
        public init(section: String, articles: Int) {
            self.section = section
            self.articles = articles
        }
    }

    public init(id: String, name: String, articles: Int, mean: Double? = nil, yesterday: Int = 0,
                rising: Bool = false, new: Bool = false, history: [Int] = [], listedUnder: [Placement] = []) {
        self.id = id
        self.name = name
        self.articles = articles
        self.mean = mean
        self.yesterday = yesterday
        self.rising = rising
        self.new = new
        self.history = history
        self.listedUnder = listedUnder
    }
}
