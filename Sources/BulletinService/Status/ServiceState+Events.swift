#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ServiceState {
    /// How long an error stays in `errors`.
    public static let errorWindow: TimeInterval = 3600

    /// Folds one of the daemon's events into the state (pure: no clock, no I/O).
    public mutating func apply(_ event: DaemonEvent, at time: Date) {
        updated = time
        switch event {
        case let .started(inbox, queued):
            self.inbox = inbox
            phase = .watching
            backlog.queued = queued
        case let .dayStarted(day, articles):
            today = Today(date: day.description, articles: articles, bulletins: 0, duplicates: 0, quarantined: 0)
        case let .filed(file):
            record(file, at: time)
        case let .vanished(name):
            backlog.waitingFiles.removeAll { $0.name == name }
        case let .fileWaiting(name, reason):
            let trouble = Trouble(at: time, kind: "file-waiting", name: name, message: reason)
            backlog.waitingFiles.removeAll { $0.name == name }
            backlog.waitingFiles.append(trouble)
            addError(trouble)
        case let .paused(name, reason, _):
            let trouble = Trouble(at: time, kind: "paused", name: name, message: reason)
            phase = .paused
            paused = trouble
            addError(trouble)
        case .resumed:
            if phase == .paused { phase = .watching }
            paused = nil
        case let .databaseUnreachable(address, reason, _):
            let trouble = Trouble(at: time, kind: "database-unreachable", name: address, message: reason)
            if phase == .watching || phase == .paused || phase == .starting { phase = .waitingForDatabase }
            databaseUnreachable = trouble
            addError(trouble)
        case .databaseReachable:
            if phase == .waitingForDatabase { phase = paused == nil ? .watching : .paused }
            databaseUnreachable = nil
        case let .inboxLost(path):
            addError(Trouble(at: time, kind: "inbox-lost", name: nil, message: "the inbox \(path) was removed or replaced"))
        case let .inboxStillLost(path, reason, _):
            addError(Trouble(at: time, kind: "inbox-lost", name: nil, message: "cannot watch the inbox \(path): \(reason)"))
        case let .summaryFailed(day, reason):
            addError(Trouble(at: time, kind: "summary-failed", name: "\(day)", message: reason))
        case .reloaded:
            lastReload = Reload(at: time, failed: false, error: nil, location: nil)
            rulesLoaded = time
            // Fixed: the failed reloads before it no longer count against the service.
            errors.removeAll { $0.kind == "reload-failed" }
        case let .reloadFailed(reason):
            lastReload = Reload(at: time, failed: true, error: reason, location: Self.location(in: reason))
            addError(Trouble(at: time, kind: "reload-failed", name: nil, message: reason))
        case let .backlog(queued, waiting):
            backlog.queued = queued
            backlog.waiting = waiting
            if waiting == 0 { backlog.waitingFiles = [] }
        case .stopping:
            phase = .stopping
        case .stopped:
            phase = .stopped
        // The two filing warnings are harmless (content arriving again is filed uncounted): no error.
        case .dayEnded, .filingRecovered, .filingRecoveryFailed, .filingNotRecorded, .batchStored, .leftAlone, .rescanned,
             .inboxWatchedAgain, .summaryWritten:
            break
        }
        errors.removeAll { time.timeIntervalSince($0.at) > Self.errorWindow }
    }

    private mutating func record(_ file: FiledFile, at time: Date) {
        backlog.waitingFiles.removeAll { $0.name == file.name }
        var bulletin = Bulletin(name: file.name, outcome: "", at: time, seconds: file.duration)
        switch file.outcome {
        case let .stored(articles, newArticles, _):
            bulletin.outcome = "stored"
            bulletin.articles = articles
            bulletin.newArticles = newArticles
            lastSuccess = time
            today.bulletins += 1
            today.articles += newArticles
        case .duplicate:
            bulletin.outcome = "duplicate"
            today.duplicates += 1
        case .storedEarlier:
            bulletin.outcome = "stored-earlier"
        case let .quarantined(cause, reason):
            bulletin.outcome = "quarantined"
            bulletin.cause = cause.rawValue
            bulletin.reason = reason
            today.quarantined += 1
            quarantine.count += 1
            quarantine.newest.insert(Quarantined(name: file.name, cause: cause.rawValue, reason: reason, at: time), at: 0)
            if quarantine.newest.count > Self.newestQuarantinedLimit {
                quarantine.newest.removeLast(quarantine.newest.count - Self.newestQuarantinedLimit)
            }
        }
        lastBulletin = bulletin
    }

    private mutating func addError(_ trouble: Trouble) {
        errors.append(trouble)
        if errors.count > Self.errorLimit { errors.removeFirst(errors.count - Self.errorLimit) }
    }

    /// The first `file:line:column` in `text` (`/etc/bulletind/topics.toml:4:13: dangling…`),
    /// or nil.
    static func location(in text: String) -> String? {
        guard let match = text.firstMatch(of: /[^\s:]+:[0-9]+:[0-9]+/) else { return nil }
        return String(match.output)
    }
}
