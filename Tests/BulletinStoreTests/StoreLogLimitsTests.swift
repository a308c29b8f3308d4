import Foundation
import Testing
@testable import BulletinStore

/// A long-running writer (`checkpointsInBackground`) under a stream of commits: the write-ahead
/// log starts again at `LogLimits.writerFrames`, so it stays bounded however long the stream.
@Suite struct StoreLogLimitsTests {
    @Test func aStreamOfCommitsKeepsTheLogBounded() throws {
        let limits = Store.LogLimits(catchUpFrames: 32, writerFrames: 128)
        let fixture = try StoreFixture(backgroundCheckpoints: limits)
        defer { fixture.cleanUp() }
        let store = fixture.store, path = fixture.path
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        // 300 bulletins, one commit each, of ~6 KB of distinct words: tens of pages a commit.
        var random = SystemRandomNumberGenerator()
        for number in 0..<300 {
            let words = (0..<900).map { _ in String(UInt32.random(in: 0...UInt32.max, using: &random), radix: 36) }
            let article = StoreFixture.article("Bulletin \(number)", words.joined(separator: " "))
            _ = try store.ingest(StoreFixture.bulletin("b\(number).txt", receivedAt: t0, articles: [article]))
        }
        store.checkpointer?.drain()
        let pageSize = 4096
        let fileSize = { (file: String) -> Int in
            ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? Int) ?? 0
        }
        // The stream wrote many times the limit (the database file, checkpointed, shows it);
        // a log that never started again would hold at least every page written.
        let written = fileSize(path) / pageSize
        #expect(written > 12 * limits.writerFrames)
        // A log file keeps its largest length (each frame is a page and a 24-byte header). It
        // passes the limit by a commit's pages, or a few commits' when the writer's checkpoint
        // met a background one holding the checkpoint lock and waited for the next commit:
        // 319 frames in one run here. Without the writer's checkpoint: 9,595 (the test fails).
        let largestLog = fileSize(path + "-wal") / (pageSize + 24)
        #expect(largestLog >= limits.writerFrames)
        #expect(largestLog * 2 < written)
        print("StoreLogLimitsTests: \(written) pages written, the log at most \(largestLog) frames")
    }
}
