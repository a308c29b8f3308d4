/// What the pipeline did with one bulletin file.
public enum PipelineOutcome: Sendable, Equatable {
    /// Stored in one transaction. `topics` are the ids given to at least one article.
    case stored(bulletinID: Int64, articles: Int, newArticles: Int, topics: [String])
    /// The same bytes were already stored; nothing changed but the duplicate count.
    case duplicate(bulletinID: Int64)
    /// Stored before (with `awaitingFiling`) but the file never left the inbox: the daemon
    /// stopped between the commit and the move. Nothing changed or was counted; file it now
    /// and call `Pipeline.markFiled`.
    case awaitingFiling(bulletinID: Int64)
    /// The file can never be ingested (not text, no articles, malformed e-mail…): quarantine it.
    /// `reason` is one line for an operator.
    case rejected(reason: String)
}
