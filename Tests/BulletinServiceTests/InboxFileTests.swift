import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// Taking files from a real folder: what a sender may put in the inbox.
@Suite struct InboxFileTests {
    @Test func readsARegularFileWhole() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        try writeFile("\(inbox)/a.txt", "some bytes\n")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        #expect(try InboxFile.take(name: "a.txt", directoryFD: fd, maxFileSize: 100) == .contents(Data("some bytes\n".utf8)))
        #expect(try InboxFile.take(name: "a.txt", directoryFD: fd, maxFileSize: 11) == .contents(Data("some bytes\n".utf8)))
    }

    @Test func aSymbolicLinkIsNeverFollowed() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        try writeFile(tmp.sub("secret"), "private content")
        #expect(symlink(tmp.sub("secret"), "\(inbox)/link.txt") == 0)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let result = try InboxFile.take(name: "link.txt", directoryFD: fd, maxFileSize: 1_000)
        guard case .leftAlone(let reason) = result else {
            Issue.record("expected the link to be left alone, got \(result)")
            return
        }
        #expect(reason.contains("symbolic link"))
        #expect(exists("\(inbox)/link.txt"))
    }

    @Test func aFIFOIsSkippedWithoutBlocking() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        #expect(mkfifo("\(inbox)/pipe.txt", 0o644) == 0)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        // No writer ever opens the FIFO: reading it would block forever.
        let result = try InboxFile.take(name: "pipe.txt", directoryFD: fd, maxFileSize: 1_000)
        #expect(result == .leftAlone(reason: "a FIFO"))
    }

    @Test func aFolderIsLeftAlone() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        _ = try tmp.folder("inbox/sub")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        guard case .leftAlone = try InboxFile.take(name: "sub", directoryFD: fd, maxFileSize: 1_000) else {
            Issue.record("a folder must be left alone")
            return
        }
    }

    @Test func anOversizeFileIsNotRead() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        // A sparse 8 GiB file: reading it would need 8 GiB of memory.
        let big = open("\(inbox)/huge.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(big >= 0)
        #expect(ftruncate(big, 8 << 30) == 0)
        close(big)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        #expect(try InboxFile.take(name: "huge.txt", directoryFD: fd, maxFileSize: 1 << 20) == .oversize(size: 8 << 30))
    }

    @Test func aFileRemovedBeforeItIsReadHasVanished() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        try writeFile("\(inbox)/gone.txt", "x")
        #expect(unlink("\(inbox)/gone.txt") == 0)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        #expect(try InboxFile.take(name: "gone.txt", directoryFD: fd, maxFileSize: 100) == .vanished)
    }
}
