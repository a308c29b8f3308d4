/// Builds a `DaySummary` from plain values.
///
/// Choices a caller may rely on:
/// - every article appears once overall, under its FIRST (best) topic; its other topics'
///   names are listed in `Entry.alsoIn`; articles without topics go to "Unclassified";
/// - an article id given twice is listed once (its first occurrence);
/// - sections are sorted by article count (largest first), ties by topic name, then id;
///   "Unclassified" is always last; inside a section articles keep the input order;
/// - `lede` is the first sentence of the body and `why` the first sentence of
///   "why it matters" (nil when absent or empty), see `Sentences.first(of:)`.
public enum DaySummaryBuilder {
    /// The section name for articles without a topic.
    public static let unclassifiedName = "Unclassified"

    public static func build(date: String, timeZone: String, generatedAt: String,
                             bulletins: Int, articles: [SummaryArticle]) -> DaySummary {
        var order: [String] = []
        var names: [String: String] = [:]
        var entries: [String: [DaySummary.Entry]] = [:]
        var unclassified: [DaySummary.Entry] = []
        var seen = Set<Int64>()
        var entryCount = 0

        for article in articles where seen.insert(article.articleID).inserted {
            let why = article.why.map { Sentences.first(of: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let entry = DaySummary.Entry(
                articleID: article.articleID,
                title: article.title,
                lede: Sentences.first(of: article.body),
                why: why,
                sources: unique(article.sources),
                alsoIn: unique(article.topics.dropFirst().map(\.name)))
            entryCount += 1
            guard let best = article.topics.first else {
                unclassified.append(entry)
                continue
            }
            if entries[best.id] == nil {
                order.append(best.id)
                names[best.id] = best.name
            }
            entries[best.id, default: []].append(entry)
        }

        var sections = order.map { id in
            DaySummary.Section(topicID: id, topicName: names[id] ?? id, articles: entries[id] ?? [])
        }
        sections.sort { a, b in
            if a.articles.count != b.articles.count { return a.articles.count > b.articles.count }
            if a.topicName != b.topicName { return a.topicName < b.topicName }
            return (a.topicID ?? "") < (b.topicID ?? "")
        }
        let topicCount = sections.count
        if !unclassified.isEmpty {
            sections.append(DaySummary.Section(topicID: nil, topicName: unclassifiedName, articles: unclassified))
        }
        return DaySummary(
            date: date, timeZone: timeZone, generatedAt: generatedAt,
            counts: DaySummary.Counts(bulletins: bulletins, articles: entryCount, topics: topicCount),
            sections: sections)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
