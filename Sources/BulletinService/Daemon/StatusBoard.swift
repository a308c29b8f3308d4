#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// The one line systemd shows in `systemctl status` (STATUS=), kept from the daemon's events:
/// `watching /var/lib/bulletind/inbox · 1,234 articles today · last: 2026-11-29-digest.txt`,
/// then a note when files are not flowing (a pause, a failed reload, `waiting for database
/// db.example:5432 (…)`) and the files waiting on their own trouble.
final class StatusBoard: DaemonObserver {
    private struct State {
        var inbox = ""
        var articlesToday = 0
        var last: String?
        var note: String?
    }

    private let state = Mutex(State())

    func observe(_ event: DaemonEvent, at time: Date) {
        state.withLock { state in
            switch event {
            case .started(let inbox, _), .inboxWatchedAgain(let inbox):
                state.inbox = inbox
                state.note = nil
            case .inboxStillLost(let path, let reason, _):
                state.note = "cannot watch \(path): \(reason)"
            case .dayStarted(_, let articles):
                state.articlesToday = articles
            case .filed(let file):
                state.last = file.name
                if case .stored(_, let newArticles, _) = file.outcome { state.articlesToday += newArticles }
            case .paused(let name, let reason, let delay):
                state.note = "retrying \(name) in \(Int(delay)) s: \(reason)"
            case .databaseUnreachable(let address, let reason, _):
                state.note = "waiting for database \(address) (\(reason))"
            case .resumed, .reloaded, .databaseReachable:
                state.note = nil
            case .reloadFailed(let reason):
                state.note = "reload failed, previous configuration in force: \(reason)"
            default:
                break
            }
        }
    }

    /// The line, with `waiting` (the files held back by their own trouble) at the end.
    func line(waiting: String?) -> String {
        state.withLock { state in
            var parts = ["watching \(state.inbox)", "\(Self.grouped(state.articlesToday)) articles today"]
            if let last = state.last { parts.append("last: \(last)") }
            if let note = state.note { parts.append(note) }
            if let waiting { parts.append(waiting) }
            return parts.joined(separator: " · ")
        }
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
