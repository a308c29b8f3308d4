import Foundation
import BulletinStore
import BulletinPostgres

/// Copies a SQLite archive into a PostgreSQL one (`bulletind migrate --to postgresql://…`):
/// topics, bulletins with their duplicate counts and filed state, articles with their
/// classifications and links, and the boilerplate memory.
///
/// Resumable and idempotent: bulletins are copied in chunks of `chunk`, each chunk in one
/// transaction, and a bulletin already in the target (same content hash) is skipped; run it
/// again after an interruption and it copies what is missing. Verifies at the end that the
/// target holds every bulletin of the source with the same number of article links, distinct
/// articles and duplicates; throws `ArchiveMigration.Mismatch` otherwise.
public struct ArchiveMigration {
    public struct Report: Sendable, Equatable {
        public var bulletins: Int
        public var copied: Int
        public var articles: Int
        public var links: Int
        public var duplicates: Int
    }

    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public let source: Store
    public let target: PostgresArchive
    public var chunk = 200

    public init(source: Store, target: PostgresArchive) {
        self.source = source
        self.target = target
    }

    /// Runs the copy; `progress` is told the bulletins done so far after each chunk.
    public func run(progress: (Int) -> Void = { _ in }) throws -> Report {
        try target.importTopics(source.exportTopics())
        var after: Int64 = 0
        var done = 0
        var copied = 0
        var hashes: [String] = []
        var links = 0
        var duplicates = 0
        var articles = Set<String>()
        while true {
            let bulletins = try source.exportBulletins(afterID: after, limit: chunk)
            guard let last = bulletins.last else { break }
            copied += try target.importBulletins(bulletins)
            for bulletin in bulletins {
                hashes.append(bulletin.contentHash)
                links += bulletin.links.count
                duplicates += bulletin.duplicateCount
                for link in bulletin.links { articles.insert(link.fingerprint) }
            }
            done += bulletins.count
            after = last.id
            progress(done)
        }
        let boilerplate = try source.exportBoilerplate()
        try target.importBoilerplate(senders: boilerplate.senders, lines: boilerplate.lines)
        let found = try target.countsFor(contentHashes: hashes)
        let expected = (bulletins: hashes.count, links: links, articles: articles.count, duplicates: duplicates)
        guard found.bulletins == expected.bulletins, found.links == expected.links,
              found.articles == expected.articles, found.duplicates >= expected.duplicates else {
            throw Mismatch(description: """
                the copy does not match: source \(expected.bulletins) bulletins, \(expected.links) links, \
                \(expected.articles) articles, \(expected.duplicates) duplicates; target \(found.bulletins), \
                \(found.links), \(found.articles), \(found.duplicates)
                """)
        }
        return Report(bulletins: hashes.count, copied: copied, articles: articles.count, links: links, duplicates: duplicates)
    }
}
