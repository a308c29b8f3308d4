import Foundation
import Logging
import Testing
@testable import BulletinService

/// The journal's view of the daemon: each event as the line and fields an admin reads.
@Suite struct LoggingObserverTests {
    private func logged(_ event: DaemonEvent) -> [(Logger.Level, String, Logger.Metadata)] {
        let capture = CapturedLog()
        LoggingObserver(logger: capture.logger).observe(event, at: Date())
        return capture.all.map { ($0.level, $0.message, $0.metadata) }
    }

    @Test func aStoredFileIsOneInfoLineWithItsFields() throws {
        let lines = logged(.filed(FiledFile(name: "d.txt", outcome: .stored(articles: 10, newArticles: 9, topics: ["trade", "privacy"]),
                                            duration: 0.0124)))
        let (level, message, metadata) = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(level == .info)
        #expect(message == "archived d.txt")
        #expect(metadata["outcome"] == "stored")
        #expect(metadata["articles"] == "10")
        #expect(metadata["new_articles"] == "9")
        #expect(metadata["topics"] == "trade,privacy")
        #expect(metadata["duration_ms"] == "12")
        #expect(metadata["bulletin_file"] == "d.txt")
    }

    @Test func aQuarantinedFileIsAWarningWithItsReason() throws {
        let (level, message, metadata) = try #require(logged(.filed(FiledFile(
            name: "x.bin", outcome: .quarantined(.rejected, reason: "not text"), duration: 0))).first)
        #expect(level == .warning)
        #expect(message == "quarantined x.bin: not text")
        #expect(metadata["outcome"] == "rejected")
        #expect(metadata["reason"] == "not text")
    }

    /// A healthy service logs nothing that reads as a failure; trouble is an error.
    @Test func levelsSayWhatNeedsAHand() {
        let healthy: [DaemonEvent] = [
            .started(inbox: "/in", queued: 0), .dayStarted(LocalDay(year: 2026, month: 12, day: 2), articles: 0),
            .filed(FiledFile(name: "a", outcome: .duplicate, duration: 0)), .batchStored(files: 2, bytes: 10),
            .summaryWritten(LocalDay(year: 2026, month: 12, day: 2)), .reloaded, .backlog(queued: 1, waiting: 0),
            .stopping(reason: "asked to stop"), .stopped,
        ]
        for event in healthy {
            #expect(logged(event).allSatisfy { $0.0 <= .info }, "\(event)")
        }
        let trouble: [DaemonEvent] = [
            .paused(name: "a", reason: "disk full", delay: 2), .reloadFailed(reason: "b.toml:1:1: unknown key"),
            .summaryFailed(LocalDay(year: 2026, month: 12, day: 2), reason: "read-only"),
            .fileWaiting(name: "a", reason: "EIO"),
        ]
        for event in trouble {
            #expect(logged(event).map(\.0) == [.error], "\(event)")
        }
    }
}
