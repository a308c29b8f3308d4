import Foundation
import Testing
@testable import BulletinService

/// The metrics observer fed event sequences directly, writing a real file in Prometheus' text
/// format (checked with Debian's promtool when it is installed: `make deps` installs it).
@Suite struct MetricsObserverTests {
    /// The value of one series (`name{labels}` exactly as written), or nil.
    func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func eventsBecomeSeriesInTheFile() throws {
        let folder = try TemporaryFolder("metrics")
        defer { folder.remove() }
        let inbox = try folder.folder("inbox")
        try writeFile("\(inbox)/waiting.txt", "x")
        try writeFile("\(inbox)/.part.tmp", "ignored")
        try writeFile(folder.sub("b.sqlite"), String(repeating: "x", count: 3000))
        try writeFile(folder.sub("b.sqlite-wal"), String(repeating: "x", count: 1000))
        let started = Date(timeIntervalSince1970: 1_795_937_400)
        let metrics = MetricsObserver(path: folder.sub("bulletind.prom"), interval: 3600, inbox: inbox, ignore: .standard,
                                      database: folder.sub("b.sqlite"), now: started)
        let stored = Date(timeIntervalSince1970: 1_795_937_460)
        let events: [DaemonEvent] = [
            .started(inbox: inbox, queued: 1),
            .filed(FiledFile(name: "a.txt", outcome: .stored(articles: 10, newArticles: 7, topics: []), duration: 0.03)),
            .filed(FiledFile(name: "b.txt", outcome: .stored(articles: 4, newArticles: 4, topics: []), duration: 2)),
            .filed(FiledFile(name: "a2.txt", outcome: .duplicate, duration: 0.004)),
            .filed(FiledFile(name: "c.png", outcome: .quarantined(.rejected, reason: "not text"), duration: 0.001)),
            .filed(FiledFile(name: "huge.txt", outcome: .quarantined(.tooLarge, reason: "too large"), duration: 0.001)),
            .filed(FiledFile(name: "old.txt", outcome: .storedEarlier, duration: 0.001)),
            .summaryWritten(LocalDay(year: 2026, month: 11, day: 29)),
            .summaryFailed(LocalDay(year: 2026, month: 11, day: 29), reason: "full"),
            .reloaded, .reloadFailed(reason: "x:1:1: bad"), .reloadFailed(reason: "x:1:1: bad"),
        ]
        for event in events { metrics.observe(event, at: stored) }
        metrics.flush()
        let text = try #require(readText(folder.sub("bulletind.prom")))
        #expect(value(text, #"bulletind_bulletins_total{outcome="stored"}"#) == 2)
        #expect(value(text, #"bulletind_bulletins_total{outcome="duplicate"}"#) == 1)
        #expect(value(text, #"bulletind_bulletins_total{outcome="quarantined"}"#) == 2)
        #expect(value(text, #"bulletind_quarantined_total{cause="rejected"}"#) == 1)
        #expect(value(text, #"bulletind_quarantined_total{cause="too-large"}"#) == 1)
        #expect(value(text, #"bulletind_quarantined_total{cause="unreadable"}"#) == 0)
        #expect(value(text, "bulletind_articles_stored_total") == 11)
        #expect(value(text, "bulletind_ingest_duration_seconds_count") == 6)
        #expect(value(text, #"bulletind_ingest_duration_seconds_bucket{le="0.005"}"#) == 4)
        #expect(value(text, #"bulletind_ingest_duration_seconds_bucket{le="1.0"}"#) == 5)
        #expect(value(text, #"bulletind_ingest_duration_seconds_bucket{le="+Inf"}"#) == 6)
        #expect(value(text, "bulletind_inbox_files") == 1)
        #expect((value(text, "bulletind_inbox_oldest_age_seconds") ?? -1) >= 0)
        #expect(value(text, "bulletind_last_success_timestamp_seconds") == 1_795_937_460)
        #expect(value(text, "bulletind_daily_report_writes_total") == 1)
        #expect(value(text, "bulletind_daily_report_failures_total") == 1)
        #expect(value(text, "bulletind_reloads_total") == 1)
        #expect(value(text, "bulletind_reload_failures_total") == 2)
        #expect(value(text, "bulletind_database_bytes") == 4000)
        #expect(value(text, "bulletind_start_time_seconds") == 1_795_937_400)
        #expect(text.contains("# HELP bulletind_bulletins_total Files taken from the inbox, by outcome"))
        #expect(text.contains("# TYPE bulletind_ingest_duration_seconds histogram"))
        try promtoolAccepts(folder.sub("bulletind.prom"))
        metrics.observe(.stopped, at: Date())
    }

    @Test func theFileIsWrittenEveryIntervalAndAtStop() throws {
        let folder = try TemporaryFolder("metrics")
        defer { folder.remove() }
        let path = folder.sub("bulletind.prom")
        let metrics = MetricsObserver(path: path, interval: 0.2, inbox: folder.sub("no-inbox"), ignore: .standard,
                                      database: folder.sub("none.sqlite"))
        // Periodic: written without any event.
        #expect(eventually { readText(path)?.contains("bulletind_bulletins_total") == true })
        metrics.observe(.backlog(queued: 3, waiting: 1), at: Date())
        metrics.observe(.filed(FiledFile(name: "a", outcome: .duplicate, duration: 0)), at: Date())
        metrics.observe(.stopped, at: Date())
        let text = try #require(readText(path))
        #expect(value(text, #"bulletind_bulletins_total{outcome="duplicate"}"#) == 1)
        // The inbox could not be listed: the daemon's own count stands in.
        #expect(value(text, "bulletind_inbox_files") == 4)
        #expect(value(text, "bulletind_database_bytes") == 0)
    }

    /// `promtool check metrics` on the file, when promtool is installed.
    func promtoolAccepts(_ path: String) throws {
        let candidates: [String] = ["/usr/bin/promtool", "/usr/local/bin/promtool"]
        guard let promtool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("promtool not installed (make deps installs Debian's prometheus): format not checked by it")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && said.isEmpty, "promtool check metrics: \(said)")
    }
}
