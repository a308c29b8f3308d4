import BulletinStore

/// Copies a SQLite archive into a database server's (a PostgreSQL one: `ArchiveImportTarget`) (`bulletind migrate --to postgresql://…`):
/// topics, bulletins with their duplicate counts and filed state, articles with their
/// classifications and links, the story clusters (each article's story and story words), and
/// the boilerplate memory.
///
/// Resumable and idempotent: bulletins are copied in chunks of `chunk`, each chunk in one
/// transaction, and a bulletin already in the target (same content hash) is skipped; run it
/// again after an interruption and it copies what is missing. Verifies at the end that the
/// target holds every bulletin of the source with the same number of article links, distinct
/// articles and duplicates, and every article of a story with a story there; throws
/// `ArchiveMigration.Mismatch` otherwise. Into an empty target the stories are the source's,
/// one for one; an article a daemon already stored there keeps the story it has, and the
/// source story's other articles join it. Stories are copied after all bulletins,
/// a chunk of stories per transaction; a story already copied is skipped.
public struct ArchiveMigration {
    public struct Report: Sendable, Equatable {
        public var bulletins: Int
        public var copied: Int
        public var articles: Int
        public var links: Int
        public var duplicates: Int
        /// Stories of the source, and how many of them were copied by this run.
        public var stories: Int
        public var storiesCopied: Int
        /// Articles of the source with a story.
        public var storyArticles: Int
    }

    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public let source: Store
    public let target: any ArchiveImportTarget
    public var chunk = 200

    public init(source: Store, target: any ArchiveImportTarget) {
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
        var stories = (count: 0, copied: 0, members: [String]())
        var afterStory: Int64 = 0
        while true {
            let batch = try source.exportStories(afterID: afterStory, limit: chunk)
            guard let last = batch.last else { break }
            stories.copied += try target.importStories(batch)
            stories.count += batch.count
            stories.members += batch.flatMap { $0.members.map(\.fingerprint) }
            afterStory = last.id
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
        let storied = try target.storyCountsFor(fingerprints: stories.members)
        guard storied.articles == stories.members.count else {
            throw Mismatch(description: """
                the stories do not match: source \(stories.members.count) articles in \(stories.count) stories; \
                target \(storied.articles) articles in \(storied.stories) stories
                """)
        }
        return Report(bulletins: hashes.count, copied: copied, articles: articles.count, links: links, duplicates: duplicates,
                      stories: stories.count, storiesCopied: stories.copied, storyArticles: stories.members.count)
    }
}
