import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import BulletinClassifier
import BulletinSplitter
import BulletinModel
import BulletinStore
@testable import BulletinService

/// What a power cut in the middle of a move leaves, and how the next start finishes it
/// (docs/RELIABILITY.md, "Durable order"). The states are made here with link(2) on a real
/// folder, as a cut between the destination's fsync and the inbox's leaves them;
/// Tests/powercut cuts the power for real.
@Suite struct InterruptedMoveTests {
    static let day = Date(timeIntervalSince1970: 1_790_000_000)

    /// An inbox, and an archive whose folder for `day` exists.
    static func archiveWithTodaysFolder(in tmp: TemporaryFolder) throws -> (inbox: String, archive: Archive, folder: String) {
        let archive = Archive(root: tmp.sub("archive"), calendar: .utc)
        let folder = archive.folder(for: day)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (try tmp.folder("inbox"), archive, folder)
    }

    /// The file is under both names (one inode): archiving it again removes only the inbox
    /// name; no `NAME.1` copy.
    @Test func aMoveCutShortIsFinishedNotDoubled() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let (inbox, archive, folder) = try Self.archiveWithTodaysFolder(in: tmp)
        try writeFile("\(inbox)/d.txt", "a bulletin")
        #expect(link("\(inbox)/d.txt", "\(folder)/d.txt") == 0)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let path = try archive.file(name: "d.txt", from: fd, receivedAt: Self.day)
        #expect(path == "\(folder)/d.txt")
        #expect(!exists("\(inbox)/d.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["d.txt"])
        #expect(readText(path) == "a bulletin")
    }

    /// Another file of the same name in the archive is not this one: the usual `NAME.1`.
    @Test func anotherFileOfTheSameNameStillGetsTheNextName() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let (inbox, archive, folder) = try Self.archiveWithTodaysFolder(in: tmp)
        try writeFile("\(folder)/d.txt", "an earlier bulletin")
        try writeFile("\(inbox)/d.txt", "a bulletin")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        #expect(try archive.file(name: "d.txt", from: fd, receivedAt: Self.day) == "\(folder)/d.1.txt")
        #expect(readText("\(folder)/d.txt") == "an earlier bulletin")
    }

    /// Quarantined under both names, and its reason written (it is written before the move):
    /// quarantining it again keeps the one file and the one sidecar.
    @Test func aQuarantineCutShortIsFinishedWithItsReason() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let root = try tmp.folder("quarantine")
        try writeFile("\(inbox)/bad.txt", "junk")
        #expect(link("\(inbox)/bad.txt", "\(root)/bad.txt") == 0)
        try writeFile("\(root)/bad.txt.error", "reason: no articles found\ntime: x\noriginal path: \(inbox)/bad.txt\n\n")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let path = try Quarantine(root: root).file(name: "bad.txt", from: fd, originalPath: "\(inbox)/bad.txt",
                                                   reason: "no articles found", at: Date())
        #expect(path == "\(root)/bad.txt")
        #expect(!exists("\(inbox)/bad.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["bad.txt", "bad.txt.error"])
    }

    /// The reason was written and the move undone by the cut: the sidecar left behind (same
    /// original path) is reused, not orphaned beside a `NAME.1`.
    @Test func aReasonLeftWithoutItsFileIsReused() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let root = try tmp.folder("quarantine")
        try writeFile("\(inbox)/bad.txt", "junk")
        try writeFile("\(root)/bad.txt.error", "reason: old\ntime: x\noriginal path: \(inbox)/bad.txt\n\n")
        try writeFile("\(root)/other.txt.error", "reason: old\ntime: x\noriginal path: \(inbox)/other.txt\n\n")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let path = try Quarantine(root: root).file(name: "bad.txt", from: fd, originalPath: "\(inbox)/bad.txt",
                                                   reason: "not a text file", at: Date())
        #expect(path == "\(root)/bad.txt")
        #expect(readText("\(path).error")?.contains("reason: not a text file") == true)
        // A sidecar of another original path is never taken over.
        try writeFile("\(inbox)/other.txt", "junk 2")
        let other = try Quarantine(root: root).file(name: "other.txt", from: fd, originalPath: "\(inbox)/elsewhere/other.txt",
                                                    reason: "r", at: Date())
        #expect(other == "\(root)/other.1.txt")
    }

    /// At start-up: a bulletin left `filed = 0` whose file is gone from the inbox is recorded as
    /// filed; one whose file (same name, same content) is still there is left for the daemon.
    @Test func startUpRecordsAsFiledOnlyWhatLeftTheInbox() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let store = try Store(path: tmp.sub("db/bulletind.sqlite"))
        try store.syncTopics([Topic(id: "t", name: "T", rule: "", threshold: 1)])
        func bulletin(_ name: String, _ text: String) -> IncomingBulletin {
            IncomingBulletin(
                fileName: name, contentHash: ContentHash.of(Data(text.utf8)), size: text.utf8.count, format: "text",
                encoding: "utf-8", receivedAt: Date(), bulletinDate: nil, title: nil,
                articles: [ClassifiedArticle(article: Article(title: name, body: text, why: nil, position: 1), topics: [])],
                awaitingFiling: true)
        }
        _ = try store.ingest(batch: [bulletin("moved.txt", "moved"), bulletin("waiting.txt", "waiting"),
                                     bulletin("replaced.txt", "replaced")])
        try writeFile("\(inbox)/waiting.txt", "waiting")
        try writeFile("\(inbox)/replaced.txt", "another content under the same name")
        #expect(try FilingRecovery.run(store: store, inbox: inbox, maxFileSize: 1_000) == 2)
        #expect(try store.unfiledBulletins().map(\.fileName) == ["waiting.txt"])
    }
}
