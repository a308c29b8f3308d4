import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

@Suite struct ArchiveTests {
    /// 2026-11-29 23:30 UTC, which is already 2026-11-30 in Tokyo.
    let lateEvening = Date(timeIntervalSince1970: 1_795_995_000)

    @Test func theDayFolderFollowsTheConfiguredTimeZone() throws {
        let utc = Archive(root: "/a", calendar: .utc)
        let tokyo = Archive(root: "/a", calendar: try LocalCalendar(name: "Asia/Tokyo"))
        #expect(utc.folder(for: lateEvening) == "/a/2026/11/29")
        #expect(tokyo.folder(for: lateEvening) == "/a/2026/11/30")
    }

    @Test func archivingMovesTheFileAndANameClashNeverOverwrites() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let archive = Archive(root: tmp.sub("archive"), calendar: .utc)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        var paths: [String] = []
        for version in 1...3 {
            try writeFile("\(inbox)/digest.txt", "version \(version)")
            paths.append(try archive.file(name: "digest.txt", from: fd, receivedAt: lateEvening))
            #expect(!exists("\(inbox)/digest.txt"))
        }
        let day = tmp.sub("archive/2026/11/29")
        #expect(paths == ["\(day)/digest.txt", "\(day)/digest.1.txt", "\(day)/digest.2.txt"])
        #expect(paths.map { readText($0) } == ["version 1", "version 2", "version 3"])
        var info = stat()
        #expect(stat(day, &info) == 0 && info.st_mode & 0o777 == 0o750 & ~currentUmask())
    }

    @Test func archivingAcrossFileSystemsCopiesThenRemovesAndStillNeverOverwrites() throws {
        var shm = stat(), tmpInfo = stat()
        guard stat("/dev/shm", &shm) == 0, stat(FileManager.default.temporaryDirectory.path, &tmpInfo) == 0,
              shm.st_dev != tmpInfo.st_dev else {
            print("note: no second file system at /dev/shm; cross-device archive test skipped")
            return
        }
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inboxPath = "/dev/shm/bulletind-inbox-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: inboxPath, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: inboxPath) }
        let archive = Archive(root: tmp.sub("archive"), calendar: .utc)
        let fd = openDirectory(inboxPath)
        defer { close(fd) }
        var paths: [String] = []
        for version in 1...2 {
            try writeFile("\(inboxPath)/d.txt", "cross \(version)")
            paths.append(try archive.file(name: "d.txt", from: fd, receivedAt: lateEvening))
            #expect(!exists("\(inboxPath)/d.txt"))
        }
        #expect(paths.map { readText($0) } == ["cross 1", "cross 2"])
        #expect(paths[1].hasSuffix("/d.1.txt"))
    }

    @Test func numberedNamesGoBeforeTheExtension() {
        #expect(FileMover.numbered("digest.txt", 0) == "digest.txt")
        #expect(FileMover.numbered("digest.txt", 2) == "digest.2.txt")
        #expect(FileMover.numbered("notes", 1) == "notes.1")
        #expect(FileMover.numbered("a.b.eml", 1) == "a.b.1.eml")
    }

    func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
