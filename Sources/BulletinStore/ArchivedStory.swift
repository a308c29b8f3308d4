#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One story cluster with its articles, for copying an archive to another backend
/// (`bulletind migrate`): `Store.exportStories(afterID:limit:)` reads them,
/// `PostgresArchive.importStories(_:)` writes them. Articles are named by fingerprint, so the
/// copy finds them whatever their ids there.
public struct ArchivedStory: Sendable, Equatable {
    /// One article of the story: its fingerprint and its story words as stored (packed).
    public struct Member: Sendable, Equatable {
        public var fingerprint: String
        public var words: [UInt8]

        public init(fingerprint: String, words: [UInt8]) {
            self.fingerprint = fingerprint
            self.words = words
        }
    }

    /// The id in the archive it was read from (the export's cursor).
    public var id: Int64
    public var firstSeen: Date
    /// In order of article id.
    public var members: [Member]

    public init(id: Int64, firstSeen: Date, members: [Member]) {
        self.id = id
        self.firstSeen = firstSeen
        self.members = members
    }
}
