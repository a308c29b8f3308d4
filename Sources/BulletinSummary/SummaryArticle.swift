/// One article of the day as the builder needs it: plain values, no database.
public struct SummaryArticle: Sendable, Equatable {
    public var articleID: Int64
    public var title: String
    public var body: String
    public var why: String?
    /// Best topic first; empty when unclassified.
    public var topics: [SummaryTopic]
    /// File names of the bulletins it came in, in order of arrival.
    public var sources: [String]
    /// The same bulletins with their titles and dates (empty: the summary names file names).
    public var newsletters: [SummarySource] = []

    public init(articleID: Int64, title: String, body: String, why: String?,
                topics: [SummaryTopic], sources: [String]) {
        self.articleID = articleID
        self.title = title
        self.body = body
        self.why = why
        self.topics = topics
        self.sources = sources
    }
}
