import BulletinModel

/// Files read, split and classified, waiting for `Pipeline.store`: one item per file, in the
/// order of the batch.
public struct PreparedBatch: Sendable {
    enum Item: Sendable {
        /// Ready to store (or already stored, with no articles: the store answers duplicate).
        case incoming(IncomingBulletin, topics: [String])
        /// Can never be ingested; `reason` is one line for an operator.
        case rejected(reason: String)
    }

    let items: [Item]

    /// The batch of each file's preparation (`Pipeline.preparation`), in order; throws the first
    /// failure (transient trouble: nothing of the batch is stored).
    init(_ prepared: [Result<Item, any Error>]) throws {
        items = try prepared.map { try $0.get() }
    }

    /// The number of files in the batch.
    public var count: Int { items.count }
}
