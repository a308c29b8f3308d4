#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService

/// What `bulletind ingest` has done so far: counts for the steady progress line on a terminal
/// and for the closing tally. Pure: outcomes and clock readings in, text out.
struct IngestProgress {
    let total: Int
    let started: Date
    private(set) var done = 0
    private(set) var stored = 0
    private(set) var articles = 0
    private(set) var newArticles = 0
    private(set) var duplicates = 0
    /// Files that could not be ingested, with the reason, in the order they were met.
    private(set) var rejected: [(file: String, reason: String)] = []

    init(total: Int, started: Date) {
        self.total = total
        self.started = started
    }

    /// Counts one file: its outcome, or nil when it could not be read at all (`unreadable` then
    /// says why, as the system does: `No such file or directory`).
    mutating func record(_ outcome: PipelineOutcome?, file: String, unreadable: String = "cannot be read") {
        done += 1
        switch outcome {
        case let .stored(_, count, new, _)?:
            stored += 1
            articles += count
            newArticles += new
        case .duplicate?, .awaitingFiling?:
            duplicates += 1
        case let .rejected(reason)?:
            rejected.append((file, reason))
        case nil:
            rejected.append((file, unreadable))
        }
    }

    /// `[=========           ] 12/40 files · 96 articles · 3.1 files/s · ETA 0:09`, at most `width` columns.
    func line(now: Date, width: Int = 80) -> String {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let barWidth = 20
        let filled = total == 0 ? barWidth : barWidth * done / total
        var text = "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: barWidth - filled) + "]"
        text += " \(done)/\(total) files · \(articles) articles"
        if done > 0 {
            text += " · " + TextFormat.printf(rate >= 10 ? "%.0f" : "%.1f", rate) + " files/s"
            text += " · ETA " + IngestProgress.clock(Double(total - done) / rate)
        }
        return text.count > width ? String(text.prefix(width)) : text
    }

    /// The closing lines: one summary line, then each rejected file with its reason.
    func tally(now: Date) -> [String] {
        let seconds = TextFormat.printf("%.1f", now.timeIntervalSince(started))
        var lines = ["\(done) files in \(seconds) s: \(stored) stored (\(articles) articles, \(newArticles) new), \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(rejected.count) rejected"]
        if !rejected.isEmpty {
            lines.append("rejected:")
            lines += rejected.map { "  \($0.file): \($0.reason)" }
        }
        return lines
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? TextFormat.printf("%ld:%02ld:%02ld", h, m, s) : TextFormat.printf("%ld:%02ld", m, s)
    }
}
