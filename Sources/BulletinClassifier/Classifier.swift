import BulletinSplitter

/// Gives articles their topics. Built once per taxonomy; `classify` is thread-safe.
///
/// All the terms of all the rules are compiled into one matcher: an article's title, body
/// and "why it matters" are each read once, with one table lookup per word, and only the
/// topics whose matched terms can reach their threshold are evaluated. The cost follows
/// the article's length and how many rule terms and topics it matches, not the number of
/// topics as such; a large taxonomy whose terms are common in the text costs more
/// (docs/PERFORMANCE.md, figure 4). See docs/RULES.md for the scoring rules.
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy
    private let index: ClassifierIndex

    /// Compiles the taxonomy's rules (a topic whose rule does not parse is ignored; topics
    /// from `Taxonomy.parse` always parse).
    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        self.index = ClassifierIndex(topics: taxonomy.topics)
    }

    /// The topics whose rule holds and whose score reaches their threshold, highest score
    /// first (ties by topic order in the file). Empty means "unclassified".
    public func classify(_ article: Article) -> [TopicMatch] {
        index.classify(article)
    }
}
