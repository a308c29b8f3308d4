import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// Several files moved with one fsync per folder (`FileMoveBatch`, docs/RELIABILITY.md "Durable
/// order"): until `finish`, every file keeps its inbox name beside its new one; one file's
/// trouble leaves only that file in the inbox.
@Suite struct FileMoveBatchTests {
    /// 2026-11-29 and the day after, 12:00 UTC.
    static let days = [Date(timeIntervalSince1970: 1_795_953_600), Date(timeIntervalSince1970: 1_796_040_000)]

    @Test func noInboxNameIsRemovedBeforeFinishAndThenAllAre() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let archive = Archive(root: tmp.sub("archive"), calendar: .utc)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let names = ["a.txt", "b.txt", "c.txt"]
        for name in names { try writeFile("\(inbox)/\(name)", "bulletin \(name)") }
        let batch = FileMoveBatch(sourceFD: fd)
        var paths: [String] = []
        for (index, name) in names.enumerated() {
            paths.append(try archive.place(name: name, in: batch, receivedAt: Self.days[index % 2]))
        }
        #expect(paths == ["\(tmp.sub("archive/2026/11/29"))/a.txt", "\(tmp.sub("archive/2026/11/30"))/b.txt",
                          "\(tmp.sub("archive/2026/11/29"))/c.txt"])
        // Placed: under both names (one inode) until the batch finishes.
        for (name, path) in zip(names, paths) {
            #expect(exists("\(inbox)/\(name)") && exists(path))
            let folderFD = openDirectory((path as NSString).deletingLastPathComponent)
            defer { close(folderFD) }
            #expect(FileMover.isSameFile(name, in: fd, as: (path as NSString).lastPathComponent, in: folderFD))
        }
        #expect(batch.finish().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
        #expect(paths.map { readText($0) } == names.map { "bulletin \($0)" })
    }

    /// A file gone from the inbox before it is placed (and a destination that cannot be opened)
    /// fail alone: the others of the batch are moved.
    @Test func oneFilesTroubleLeavesTheOthersMoved() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let folder = try tmp.folder("archive")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        try writeFile("\(inbox)/a.txt", "a")
        try writeFile("\(inbox)/c.txt", "c")
        let batch = FileMoveBatch(sourceFD: fd)
        #expect(try batch.place(name: "a.txt", to: folder) == "a.txt")
        #expect(throws: POSIXFailure.self) { try batch.place(name: "gone.txt", to: folder) }
        #expect(throws: POSIXFailure.self) { try batch.place(name: "c.txt", to: tmp.sub("missing")) }
        #expect(batch.finish().isEmpty)
        #expect(!exists("\(inbox)/a.txt") && readText("\(folder)/a.txt") == "a")
        #expect(readText("\(inbox)/c.txt") == "c")
    }

    /// A name clash inside one batch (and with the archive) still never overwrites; a file
    /// already under its new name (a move a power cut interrupted) is finished, not copied.
    @Test func clashesAndInterruptedMovesInOneBatch() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let other = try tmp.folder("other")
        let folder = try tmp.folder("archive")
        let fd = openDirectory(inbox)
        let otherFD = openDirectory(other)
        defer { close(fd); close(otherFD) }
        try writeFile("\(folder)/d.txt", "earlier")
        try writeFile("\(inbox)/d.txt", "inbox d")
        try writeFile("\(other)/d.txt", "other d")
        try writeFile("\(inbox)/cut.txt", "cut short")
        #expect(link("\(inbox)/cut.txt", "\(folder)/cut.txt") == 0)
        let batch = FileMoveBatch(sourceFD: fd)
        #expect(try batch.place(name: "d.txt", to: folder) == "d.1.txt")
        #expect(try batch.place(name: "cut.txt", to: folder) == "cut.txt")
        #expect(batch.finish().isEmpty)
        // Another source's batch into the same folder meanwhile takes the next free name.
        #expect(try FileMover.move(name: "d.txt", from: otherFD, to: folder) == "d.2.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["cut.txt", "d.1.txt", "d.2.txt", "d.txt"])
        #expect(readText("\(folder)/d.txt") == "earlier")
        #expect(readText("\(folder)/d.1.txt") == "inbox d")
        #expect(readText("\(folder)/d.2.txt") == "other d")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
    }
}
