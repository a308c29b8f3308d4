/// The content of one day's summary. Built from plain values, rendered by `SummaryRenderer`.
public struct DaySummary: Sendable, Equatable, Codable {
    /// The JSON format's version (docs/SUMMARY.md); 2 added the trends, `topics`, `changes`,
    /// `counts.sections`, the entries' `sources` and the day links.
    public static let formatVersion = 2
    /// `formatVersion` when written.
    public var version: Int = DaySummary.formatVersion
    /// `YYYY-MM-DD` in `timeZone`.
    public var date: String
    /// IANA name, e.g. `Europe/Zurich`.
    public var timeZone: String
    /// ISO 8601 time the summary was generated.
    public var generatedAt: String
    public var counts: Counts
    /// One section per topic with articles, largest first (ties by name); the
    /// "Unclassified" section, when any, last. Each article belongs to one section, under
    /// its best-scoring topic (its other topics are named in `Entry.alsoIn`), so the
    /// sections' `articleCount`s add up to `counts.articles`. A section lists at most the
    /// builder's `listLimit` entries (its first articles in order of arrival) and counts
    /// the rest in `unlisted`.
    public var sections: [Section]
    /// The day's largest story clusters, largest first (empty until clustering fills it).
    public var topStories: [TopStory] = []
    /// Every topic with an article today (its own section or not), largest first, with its
    /// trend (`TrendRules`); `counts.topics` is their number.
    public var topics: [TopicTrend] = []
    /// What changed since the day before; nil without a history (or on its first day).
    public var changes: DayChanges?
    /// The trailing window the means were taken over, in days; nil without a history.
    public var trendWindow: Int?
    /// The nearest earlier and later days with articles (`YYYY-MM-DD`), for links between
    /// day pages; nil when there is none (yet).
    public var previousDay: String?
    public var nextDay: String?

    public struct Counts: Sendable, Equatable, Codable {
        /// Bulletins received that day.
        public var bulletins: Int
        /// Articles first seen that day (each once, however many bulletins carried it).
        public var articles: Int
        /// Topics with articles that day, each listed in `DaySummary.topics` (what `stats`
        /// counts), whether they have a section of their own or not.
        public var topics: Int
        /// Topic sections (Unclassified not counted): the topics that are the best topic of
        /// at least one article.
        public var sections: Int
        public init(bulletins: Int, articles: Int, topics: Int, sections: Int? = nil) {
            self.bulletins = bulletins
            self.articles = articles
            self.topics = topics
            self.sections = sections ?? topics
        }
    }

    public struct Section: Sendable, Equatable, Codable {
        /// nil for unclassified articles.
        public var topicID: String?
        public var topicName: String
        /// The entries listed, in order of arrival.
        public var articles: [Entry]
        /// The section's articles beyond the list limit: counted, not listed.
        public var unlisted: Int
        public init(topicID: String?, topicName: String, articles: [Entry], unlisted: Int = 0) {
            self.topicID = topicID
            self.topicName = topicName
            self.articles = articles
            self.unlisted = unlisted
        }

        /// The JSON names a section's topic as every other output names a topic: `id`, `name`.
        enum CodingKeys: String, CodingKey {
            case topicID = "id", topicName = "name", articles, unlisted
        }

        /// All the section's articles, listed or not.
        public var articleCount: Int { articles.count + unlisted }
    }

    public struct Entry: Sendable, Equatable, Codable {
        public var articleID: Int64
        public var title: String
        /// The body's first sentence.
        public var lede: String
        /// The first sentence of "why it matters", when the article has one.
        public var why: String?
        /// File names of the bulletins the article came in (the JSON's `bulletins`, as in
        /// `search` and `explain`).
        public var sources: [String]
        /// The same bulletins named as a reader knows them: title and date (the JSON's `sources`).
        public var newsletters: [SummarySource]
        /// Names of the article's other topics (it is listed once, under its best topic),
        /// highest score first.
        public var alsoIn: [String]
        /// The JSON calls the sources `bulletins`, as `search` and `explain` do.
        enum CodingKeys: String, CodingKey {
            case articleID, title, lede, why, sources = "bulletins", alsoIn, newsletters = "sources"
        }

        public init(articleID: Int64, title: String, lede: String, why: String?, sources: [String],
                    alsoIn: [String] = [], newsletters: [SummarySource] = []) {
            self.newsletters = newsletters
            self.articleID = articleID
            self.title = title
            self.lede = lede
            self.why = why
            self.sources = sources
            self.alsoIn = alsoIn
        }
    }

    public init(date: String, timeZone: String, generatedAt: String, counts: Counts, sections: [Section]) {
        self.date = date
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.counts = counts
        self.sections = sections
    }
}
