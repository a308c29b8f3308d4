/// The content of one day's summary. Built from plain values, rendered by `SummaryRenderer`.
public struct DaySummary: Sendable, Equatable, Codable {
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

    public struct Counts: Sendable, Equatable, Codable {
        /// Bulletins received that day.
        public var bulletins: Int
        /// Articles first seen that day (each once, however many bulletins carried it).
        public var articles: Int
        /// Topic sections (Unclassified not counted).
        public var topics: Int
        public init(bulletins: Int, articles: Int, topics: Int) {
            self.bulletins = bulletins
            self.articles = articles
            self.topics = topics
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
        /// File names (or titles) of the bulletins the article came in.
        public var sources: [String]
        /// Names of the article's other topics (it is listed once, under its best topic),
        /// highest score first.
        public var alsoIn: [String]
        /// The JSON calls the sources `bulletins`, as `search` and `explain` do.
        enum CodingKeys: String, CodingKey {
            case articleID, title, lede, why, sources = "bulletins", alsoIn
        }

        public init(articleID: Int64, title: String, lede: String, why: String?, sources: [String],
                    alsoIn: [String] = []) {
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
