/// Builds a `DaySummary` from plain values, one article at a time, keeping only what the
/// summary lists: its memory is bounded by the number of topics × `listLimit`, however many
/// articles the day has.
///
/// Choices a caller may rely on:
/// - every article belongs to one section, under its FIRST (best) topic; its other topics'
///   names are listed in `Entry.alsoIn`; articles without topics go to "Unclassified";
/// - a section lists its first `listLimit` articles in the order they were added and counts
///   the others in `Section.unlisted` (their text is not even looked at);
/// - sections are sorted by article count, listed or not (largest first), ties by topic
///   name, then id; "Unclassified" is always last;
/// - `lede` is the first sentence of the body and `why` the first sentence of
///   "why it matters" (nil when absent or empty), see `Sentences.first(of:)`; a body or why
///   that is a prefix of the text gives the same sentences when
///   `Sentences.isDecided(byPrefix:)` holds for it.
public struct DaySummaryBuilder: Sendable {
    /// The section name for articles without a topic.
    public static let unclassifiedName = "Unclassified"

    /// Entries listed per section unless told otherwise. A day of the real bulletins has a few
    /// dozen articles, far below it; a burst of 180,000 articles in one day gives sections a
    /// person cannot read anyway, so the rest is counted ("… and 4,321 more"), and the JSON
    /// says the same. The archive (`bulletind search`) holds every article.
    public static let defaultListLimit = 100

    /// The most entries a section lists (at least 0).
    public let listLimit: Int

    private var order: [String] = []
    private var sections: [String: DaySummary.Section] = [:]
    private var unclassified = DaySummary.Section(topicID: nil, topicName: unclassifiedName, articles: [])
    private var articleCount = 0
    /// Per topic id: name and today's articles with the topic, best or not.
    private var topicTotals: [String: (name: String, articles: Int)] = [:]
    /// Per topic id, for its articles listed under another topic: that section's id → count.
    private var placements: [String: [String: Int]] = [:]

    public init(listLimit: Int = defaultListLimit) {
        self.listLimit = max(0, listLimit)
    }

    /// Adds one article. Each article must be added once: ids are not checked here (the
    /// store gives each article once; `build(…articles:)` removes repeated ids).
    public mutating func add(_ article: SummaryArticle) {
        articleCount += 1
        for (rank, topic) in article.topics.enumerated() {
            topicTotals[topic.id, default: (topic.name, 0)].articles += 1
            if rank > 0, let best = article.topics.first, best.id != topic.id {
                placements[topic.id, default: [:]][best.id, default: 0] += 1
            }
        }
        guard let best = article.topics.first else {
            append(article, to: &unclassified)
            return
        }
        if sections[best.id] == nil { order.append(best.id) }
        append(article, to: &sections[best.id, default: DaySummary.Section(topicID: best.id, topicName: best.name, articles: [])])
    }

    /// The summary of the articles added so far.
    public func summary(date: String, timeZone: String, generatedAt: String, bulletins: Int) -> DaySummary {
        var sorted = order.compactMap { sections[$0] }
        sorted.sort { a, b in
            if a.articleCount != b.articleCount { return a.articleCount > b.articleCount }
            if a.topicName != b.topicName { return a.topicName < b.topicName }
            return (a.topicID ?? "") < (b.topicID ?? "")
        }
        let sectionCount = sorted.count
        if unclassified.articleCount > 0 { sorted.append(unclassified) }
        var summary = DaySummary(
            date: date, timeZone: timeZone, generatedAt: generatedAt,
            counts: DaySummary.Counts(bulletins: bulletins, articles: articleCount, topics: topicTotals.count,
                                      sections: sectionCount),
            sections: sorted)
        summary.topics = topicTotals.map { id, total in
            // A topic without a section of its own points at the sections holding its articles.
            let listedUnder = sections[id] != nil ? [] : (placements[id] ?? [:])
                .map { TopicTrend.Placement(section: sections[$0.key]?.topicName ?? $0.key, articles: $0.value) }
                .sorted { ($0.articles, $1.section) > ($1.articles, $0.section) }
            return TopicTrend(id: id, name: total.name, articles: total.articles, listedUnder: listedUnder)
        }.sorted(by: TopicTrend.largestFirst)
        return summary
    }

    /// The summary of `articles` in one call; an article id given twice counts once (its
    /// first occurrence).
    public static func build(date: String, timeZone: String, generatedAt: String, bulletins: Int,
                             articles: [SummaryArticle], listLimit: Int = defaultListLimit) -> DaySummary {
        var builder = DaySummaryBuilder(listLimit: listLimit)
        var seen = Set<Int64>()
        for article in articles where seen.insert(article.articleID).inserted {
            builder.add(article)
        }
        return builder.summary(date: date, timeZone: timeZone, generatedAt: generatedAt, bulletins: bulletins)
    }

    private func append(_ article: SummaryArticle, to section: inout DaySummary.Section) {
        guard section.articles.count < listLimit else {
            section.unlisted += 1
            return
        }
        let why = article.why.map { Sentences.first(of: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        section.articles.append(DaySummary.Entry(
            articleID: article.articleID,
            title: article.title,
            lede: Sentences.first(of: article.body),
            why: why,
            sources: Self.unique(article.sources),
            alsoIn: Self.unique(article.topics.dropFirst().map(\.name)),
            newsletters: article.newsletters))
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
