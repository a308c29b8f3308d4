import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

@Suite struct QuarantineTests {
    @Test func quarantineMovesTheFileAndWritesTheReasonBesideIt() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        try writeFile("\(inbox)/bad.txt", "not a bulletin")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let quarantine = Quarantine(root: tmp.sub("quarantine"))
        let path = try quarantine.file(name: "bad.txt", from: fd, originalPath: "\(inbox)/bad.txt",
                                       reason: "no articles found", at: Date(timeIntervalSince1970: 0))
        #expect(path == tmp.sub("quarantine/bad.txt"))
        #expect(readText(path) == "not a bulletin")
        #expect(!exists("\(inbox)/bad.txt"))
        let sidecar = try #require(readText("\(path).error"))
        #expect(sidecar.contains("reason: no articles found"))
        #expect(sidecar.contains("time: 1970-01-01T00:00:00Z"))
        #expect(sidecar.contains("original path: \(inbox)/bad.txt"))
    }

    @Test func anOversizeFileIsQuarantinedUnreadWithItsSidecar() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let big = open("\(inbox)/huge.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(big >= 0)
        #expect(ftruncate(big, 4 << 30) == 0)
        close(big)
        let fd = openDirectory(inbox)
        defer { close(fd) }
        guard case .oversize(let size) = try InboxFile.take(name: "huge.txt", directoryFD: fd, maxFileSize: 1_000) else {
            Issue.record("expected oversize")
            return
        }
        let path = try Quarantine(root: tmp.sub("quarantine"))
            .file(name: "huge.txt", from: fd, originalPath: "\(inbox)/huge.txt", reason: "too large: \(size) bytes", at: Date())
        var info = stat()
        #expect(stat(path, &info) == 0 && Int(info.st_size) == 4 << 30)
        #expect(readText("\(path).error")?.contains("too large: \(4 << 30) bytes") == true)
    }

    @Test func aNameClashInQuarantineNeverOverwrites() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let fd = openDirectory(inbox)
        defer { close(fd) }
        let quarantine = Quarantine(root: tmp.sub("quarantine"))
        var paths: [String] = []
        for version in 1...2 {
            try writeFile("\(inbox)/x.html", "v\(version)")
            paths.append(try quarantine.file(name: "x.html", from: fd, originalPath: "\(inbox)/x.html",
                                             reason: "reason \(version)", at: Date()))
        }
        #expect(paths == [tmp.sub("quarantine/x.html"), tmp.sub("quarantine/x.1.html")])
        #expect(paths.map { readText($0) } == ["v1", "v2"])
        #expect(readText("\(paths[1]).error")?.contains("reason 2") == true)
        #expect(readText("\(paths[0]).error")?.contains("reason 1") == true)
    }
}
