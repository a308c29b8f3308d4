#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension StatusReport {
    /// The report for a person, one fact a line (what `bulletind status` prints without
    /// `--json`):
    ///
    ///     bulletind: running, pid 812, since 2026-12-02T03:10:00Z (2 h 5 min) · healthy
    ///     inbox: /var/lib/bulletind/inbox · 3 files waiting, the oldest for 4 s
    ///     last bulletin: digest.txt · stored, 10 articles (10 new) · 2026-12-02T05:14:58Z (2 s ago)
    ///     …
    public func text(now: Date) -> String {
        var lines: [String] = []
        func ago(_ date: Date) -> String { "\(Self.time(date)) (\(Self.duration(now.timeIntervalSince(date))) ago)" }
        let verdict = health == .healthy ? "healthy" : health == .degraded ? "DEGRADED" : "not running"
        if running, let pid, let since {
            lines.append("bulletind: running, pid \(pid), since \(Self.time(since)) (\(Self.duration(now.timeIntervalSince(since)))) · \(verdict)")
        } else {
            lines.append("bulletind: \(verdict)")
        }
        for problem in problems {
            lines.append("  ! \(problem)")
        }
        var inboxLine = "inbox: \(inbox.path) · "
        if inbox.files == 0 {
            inboxLine += "empty"
        } else {
            inboxLine += "\(inbox.files) file\(inbox.files == 1 ? "" : "s") waiting"
            if let age = inbox.oldestAgeSeconds { inboxLine += ", the oldest for \(Self.duration(age))" }
        }
        lines.append(inboxLine)
        for file in inbox.waiting {
            lines.append("  waiting: \(file.name ?? "?") (\(file.message))")
        }
        if let bulletin = lastBulletin {
            var outcome = bulletin.outcome
            if let articles = bulletin.articles {
                outcome += ", \(articles) article\(articles == 1 ? "" : "s") (\(bulletin.newArticles ?? 0) new)"
            }
            if let cause = bulletin.cause { outcome += " (\(cause)): \(bulletin.reason ?? "")" }
            lines.append("last bulletin: \(bulletin.name) · \(outcome) · \(ago(bulletin.at))")
        } else if running {
            lines.append("last bulletin: none since the start")
        }
        if let success = lastSuccess, lastBulletin?.at != success {
            lines.append("last stored: \(ago(success))")
        }
        if let today {
            lines.append("today (\(today.date)): \(today.articles) article\(today.articles == 1 ? "" : "s") stored · "
                + "this daemon took \(today.bulletins) bulletin\(today.bulletins == 1 ? "" : "s"), "
                + "\(today.duplicates) duplicate\(today.duplicates == 1 ? "" : "s"), \(today.quarantined) quarantined")
        }
        var quarantineLine = "quarantine: \(quarantine.path)"
        if let count = quarantine.count { quarantineLine += " · \(count) file\(count == 1 ? "" : "s")" }
        lines.append(quarantineLine)
        for entry in quarantine.newest {
            let cause = entry.cause.map { "\($0): " } ?? ""
            lines.append("  \(entry.name) · \(cause)\(entry.reason) · \(ago(entry.at))")
        }
        lines.append("database: \(database.path)" + (database.bytes.map { " · \(Self.bytes($0))" } ?? "")
            + (database.unreachable.map { " · WAITING for \($0.name ?? "it") since \(ago($0.at))" } ?? ""))
        var rulesLine = "rules: \(rules.path)"
        if let loaded = rules.loaded { rulesLine += " · loaded \(ago(loaded))" }
        if let reload = rules.lastReload {
            rulesLine += reload.failed ? " · last reload FAILED \(ago(reload.at)): \(reload.error ?? "")"
                : " · last reload \(ago(reload.at)), ok"
        }
        lines.append(rulesLine)
        if running || errors.lastHour > 0 {
            lines.append("errors in the last hour: \(errors.lastHour)")
            for error in errors.recent.prefix(3) {
                lines.append("  \(Self.time(error.at)) \(error.kind)\(error.name.map { " \($0)" } ?? ""): \(error.message)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `812 KB`, `1.4 MB` (decimal units, as `ls -lh --si`).
    static func bytes(_ count: Int64) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) bytes" : DecimalText.fixed(value, digits: value < 10 ? 1 : 0) + " " + units[unit]
    }
}
