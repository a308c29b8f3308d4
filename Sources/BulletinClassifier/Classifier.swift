import BulletinSplitter

/// Gives articles their topics. Built once per taxonomy; `classify` is thread-safe and
/// costs nearly the same whether the taxonomy has ten topics or thousands.
///
/// All the terms of all the rules are compiled into one matcher: an article's title, body
/// and "why it matters" are each read once, and only the topics with at least one matched
/// positive term are evaluated. See docs/RULES.md for the scoring rules.
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
