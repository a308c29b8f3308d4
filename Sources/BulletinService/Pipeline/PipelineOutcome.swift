/// What the pipeline did with one bulletin file.
public enum PipelineOutcome: Sendable, Equatable {
    /// Stored in one transaction. `topics` are the ids given to at least one article.
    case stored(bulletinID: Int64, articles: Int, newArticles: Int, topics: [String])
    /// The same bytes were already stored; nothing changed but the duplicate count.
    case duplicate(bulletinID: Int64)
    /// The file can never be ingested (not text, no articles, malformed e-mail…): quarantine it.
    /// `reason` is one line for an operator.
    case rejected(reason: String)
}
