import PosixThreads
import BulletinStories

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
/// It also answers for a story's most recent members (`recentMembers(of:)`, what `assignStory`
/// compares a new article with), exactly as `article_story` would (`ORDER BY article_id DESC
/// LIMIT membersCompared`), when it can tell from what it remembers: when it remembers the
/// story's `StoryMatcher.membersCompared` newest members, or all of them (a story it saw begin
/// and none of whose members it has since forgotten). Article ids only grow (AUTOINCREMENT;
/// those of a rolled-back transaction are forgotten with it), so the members recorded last are
/// the newest.
///
/// Memory: fixed, `capacity` entries of two ids and the words (35 words on average in the bench
/// corpus: about 0.2 KB each, ~0.4 MB in all), a dictionary of `capacity` ids, and per story
/// with a remembered member at most `membersCompared` ids (~0.1 MB at most).
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

    /// A story's newest members remembered, in ascending id order (at most
    /// `StoryMatcher.membersCompared`, each one in the ring), and whether they are all its members.
    private struct Members {
        var articles: [Int64]
        var complete: Bool
    }

    private let lock = Lock()
    /// Entries by serial modulo `capacity`.
    private var ring: [Entry?] = []
    private var slotOf: [Int64: Int] = [:]
    /// The serial the next entry gets.
    private var serial: UInt64 = 0
    /// The writer connection's `data_version` at its last transaction.
    private var dataVersion: Int64?
    /// By story id.
    private var members: [Int64: Members] = [:]

    /// The story and words stored for `articleID`, when remembered.
    func lookup(_ articleID: Int64) -> (story: Int64, words: [UInt32])? {
        lock.withLock {
            guard let slot = slotOf[articleID], let entry = ring[slot] else { return nil }
            return (entry.story, entry.words)
        }
    }

    /// The words of a story's most recent members, newest first, at most
    /// `StoryMatcher.membersCompared` (what `article_story` holds for them), when remembered.
    func recentMembers(of story: Int64) -> [[UInt32]]? {
        lock.withLock {
            guard let known = members[story],
                  known.complete || known.articles.count >= StoryMatcher.membersCompared else { return nil }
            var words: [[UInt32]] = []
            words.reserveCapacity(known.articles.count)
            for id in known.articles.reversed() {
                guard let slot = slotOf[id], let entry = ring[slot] else { return nil }
                words.append(entry.words)
            }
            return words
        }
    }

    /// Remembers the row just written for `articleID` (in the writer's transaction); `newStory`
    /// when the same transaction has just created `story` for it.
    func record(articleID: Int64, story: Int64, words: [UInt32], newStory: Bool = false) {
        lock.withLock {
            if ring.isEmpty { ring = Array(repeating: nil, count: Self.capacity) }
            let slot = Int(serial % UInt64(Self.capacity))
            if let old = ring[slot] {
                if slotOf[old.articleID] == slot { slotOf[old.articleID] = nil }
                forgetMember(old.articleID, of: old.story)
            }
            ring[slot] = Entry(articleID: articleID, story: story, words: words, serial: serial)
            slotOf[articleID] = slot
            serial += 1
            if newStory {
                members[story] = Members(articles: [articleID], complete: true)
            } else {
                var known = members[story] ?? Members(articles: [], complete: false)
                known.articles.append(articleID)
                if known.articles.count > StoryMatcher.membersCompared {
                    known.articles.removeFirst()
                    known.complete = false
                }
                members[story] = known
            }
        }
    }

    /// `articleID` is no longer remembered: its story's members are no longer all known.
    private func forgetMember(_ articleID: Int64, of story: Int64) {
        guard var known = members[story] else { return }
        known.articles.removeAll { $0 == articleID }
        known.complete = false
        members[story] = known.articles.isEmpty ? nil : known
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
                // The row never existed: the story's other members are still all known when
                // they were (a story begun in this transaction has none left, and goes).
                if var known = members[entry.story] {
                    known.articles.removeAll { $0 == entry.articleID }
                    members[entry.story] = known.articles.isEmpty ? nil : known
                }
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
        members = [:]
    }
}
