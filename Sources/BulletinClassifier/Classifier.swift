import BulletinSplitter

/// Gives articles their topics. Built once per taxonomy; `classify` is thread-safe and
/// costs nearly the same whether the taxonomy has ten topics or thousands.
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The topics whose score reaches their threshold, highest score first
    /// (ties by topic order in the file). Empty means "unclassified".
    public func classify(_ article: Article) -> [TopicMatch] {
        // STUB — to be implemented.
        []
    }
}
