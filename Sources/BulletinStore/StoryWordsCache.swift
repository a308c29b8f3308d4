import PosixThreads

/// The story and story words of the articles this store assigned to stories most recently (at
/// most `capacity`), kept so that assigning a new article does not read back from SQLite, for
/// each candidate the band index found, the `article_story` row written moments before
/// (`Store+Stories`; those reads were about a third of a story assignment's cost).
///
/// What a caller may rely on: a hit is exactly what `article_story` holds for that article in
/// the writer's transaction. Entries are recorded in the transaction that writes the row and
/// removed when it does not commit (`rollBack(to:)`, so an article id SQLite hands out again is
/// never answered with another article's words); everything is forgotten when another
/// connection has committed to the database since the writer's last transaction (SQLite's
/// `data_version` moved: it may have deleted an article) and when this store deletes an article.
/// A miss says nothing: the caller reads the database.
///
/// Memory: fixed, `capacity` entries of two ids and the words (35 words on average in the bench
/// corpus: about 0.2 KB each, ~0.4 MB in all) and a dictionary of `capacity` ids.
final class StoryWordsCache: @unchecked Sendable {
    /// Articles remembered: the most recent assignments, where the band index's candidates
    /// mostly are (it answers with the newest article per band key).
    static let capacity = 2_000

    private struct Entry {
        var articleID: Int64
        var story: Int64
        var words: [UInt32]
        /// The number `record` gave it: entries are numbered in the order recorded.
        var serial: UInt64
    }

    private let lock = Lock()
    /// Entries by serial modulo `capacity`.
    private var ring: [Entry?] = []
    private var slotOf: [Int64: Int] = [:]
    /// The serial the next entry gets.
    private var serial: UInt64 = 0
    /// The writer connection's `data_version` at its last transaction.
    private var dataVersion: Int64?

    /// The story and words stored for `articleID`, when remembered.
    func lookup(_ articleID: Int64) -> (story: Int64, words: [UInt32])? {
        lock.withLock {
            guard let slot = slotOf[articleID], let entry = ring[slot] else { return nil }
            return (entry.story, entry.words)
        }
    }

    /// Remembers the row just written for `articleID` (in the writer's transaction).
    func record(articleID: Int64, story: Int64, words: [UInt32]) {
        lock.withLock {
            if ring.isEmpty { ring = Array(repeating: nil, count: Self.capacity) }
            let slot = Int(serial % UInt64(Self.capacity))
            if let old = ring[slot], slotOf[old.articleID] == slot { slotOf[old.articleID] = nil }
            ring[slot] = Entry(articleID: articleID, story: story, words: words, serial: serial)
            slotOf[articleID] = slot
            serial += 1
        }
    }

    /// Where the entries of a transaction about to begin will start: for `rollBack(to:)`.
    func mark() -> UInt64 {
        lock.withLock { serial }
    }

    /// Forgets the entries recorded since `mark` (their transaction did not commit).
    func rollBack(to mark: UInt64) {
        lock.withLock {
            guard serial > mark else { return }
            guard serial - mark < UInt64(Self.capacity) else { return forgetAll() }
            for number in mark..<serial {
                let slot = Int(number % UInt64(Self.capacity))
                guard let entry = ring[slot], entry.serial == number else { continue }
                if slotOf[entry.articleID] == slot { slotOf[entry.articleID] = nil }
                ring[slot] = nil
            }
        }
    }

    /// At the start of a writer's transaction: forgets everything when another connection has
    /// committed since the last one (`version`: the writer connection's `PRAGMA data_version`).
    func observe(dataVersion version: Int64) {
        lock.withLock {
            if dataVersion != version { forgetAll() }
            dataVersion = version
        }
    }

    /// Forgets everything (an article was deleted).
    func clear() {
        lock.withLock { forgetAll() }
    }

    private func forgetAll() {
        if !ring.isEmpty { ring = Array(repeating: nil, count: Self.capacity) }
        slotOf = [:]
    }
}
