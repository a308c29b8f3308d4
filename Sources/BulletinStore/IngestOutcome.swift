/// What `Store.ingest` did.
public enum IngestOutcome: Sendable, Equatable {
    /// Stored. `newArticles` of the `articles` were not yet in the database;
    /// the others were linked to their earlier copy.
    case ingested(bulletinID: Int64, articles: Int, newArticles: Int)
    /// The same content was already stored as bulletin `bulletinID`; nothing changed
    /// except that the duplicate was counted.
    case duplicate(bulletinID: Int64)
    /// The same content was stored before with `awaitingFiling` and its file was never
    /// marked filed (`Store.markFiled`): the daemon stopped between the commit and the move
    /// out of the inbox. Nothing changed and nothing was counted; file it now.
    case awaitingFiling(bulletinID: Int64)
}
