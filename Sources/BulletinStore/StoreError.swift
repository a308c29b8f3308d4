/// Errors of the store that are about the input, not the database: retrying cannot help.
///
/// Anything else `Store` throws (a `SQLiteError` such as busy/locked past the
/// timeout, disk full, I/O error) is transient or environmental.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The user's search query is malformed; the message is one line for a person.
    case invalidQuery(String)
    /// A classification names a topic id that is not in the topic table
    /// (call `syncTopics` with the taxonomy first). Nothing of the bulletin was stored.
    case unknownTopic(String)
    /// The bulletin violates another constraint of the schema; nothing of it was stored.
    case rejected(String)
    /// The database file or its folder could not be created (one line: path and reason).
    case fileSystem(String)

    public var description: String {
        switch self {
        case .invalidQuery(let m): return "invalid search query: \(m)"
        case .unknownTopic(let id): return "unknown topic id '\(id)': it is not in the taxonomy"
        case .rejected(let m): return "bulletin rejected by the database: \(m)"
        case .fileSystem(let m): return m
        }
    }
}
