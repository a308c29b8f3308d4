import BulletinStore

/// What `ArchiveMigration` copies a SQLite archive into (a shared database server's archive,
/// given by its backend: `ArchiveServerBackend.migrationTarget`). Every import is idempotent: what
/// the target already holds is skipped, so an interrupted copy can be run again.
public protocol ArchiveImportTarget: AnyObject, Sendable {
    /// Where it is, for messages (`user@host:port/db`; never a password).
    var location: String { get }
    /// Inserts the topics the target lacks.
    func importTopics(_ topics: [(id: String, name: String)]) throws
    /// Copies the bulletins not yet there (by content hash) in one transaction; returns how many were copied.
    func importBulletins(_ bulletins: [ArchivedBulletin]) throws -> Int
    /// Copies the stories not yet there in one transaction; returns how many were copied.
    func importStories(_ stories: [ArchivedStory]) throws -> Int
    /// Copies the boilerplate memory; a sender already there keeps what it has.
    func importBoilerplate(senders: [(sender: String, bulletins: Int)],
                           lines: [(sender: String, fingerprint: Int64, bulletins: Int, lastSeen: Int)]) throws
    /// What the target holds of the bulletins with these content hashes.
    func countsFor(contentHashes: [String]) throws -> (bulletins: Int, links: Int, articles: Int, duplicates: Int)
    /// How many of these articles have a story there, and in how many stories.
    func storyCountsFor(fingerprints: [String]) throws -> (articles: Int, stories: Int)
}
