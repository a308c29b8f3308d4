import Foundation
import Testing
@testable import BulletinService

/// `AtomicFile` on a real folder: the piecewise write gives the pieces' bytes in order across
/// several chunks, and a producer that fails leaves the previous file as it was.
@Suite struct AtomicFileTests {
    @Test func piecesAreWrittenInOrderAcrossChunks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.sub("page.md")
        let pieces = (0..<20_000).map { "line \($0) — é\n" }
        try AtomicFile.write(to: path) { write in
            for piece in pieces { try write(piece) }
        }
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == pieces.joined())
        #expect(written.utf8.count > 3 * AtomicFile.chunkSize)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test func aFailingProducerLeavesTheOldFile() throws {
        struct Refused: Error {}
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.sub("page.md")
        try AtomicFile.write(Data("old\n".utf8), to: path)
        #expect(throws: Refused.self) {
            try AtomicFile.write(to: path) { write in
                try write(String(repeating: "x", count: 2 * AtomicFile.chunkSize))
                throw Refused()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.md"])
    }
}
