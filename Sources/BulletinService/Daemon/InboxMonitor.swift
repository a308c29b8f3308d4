#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Watching the inbox: the inotify watcher, the start-up and safety-net listings, the inbox
/// removed or replaced (recreated and watched again, with backoff), and the names left alone.
/// Every name it learns goes to the `Intake`.
struct InboxMonitor {
    private(set) var watcher: InotifyWatcher?
    private(set) var inbox: String
    private var ignoreRules: IgnoreRules
    private var rescanInterval: Double
    private var backoff = Backoff()
    /// Set while the inbox cannot be watched: when to try again.
    private(set) var rewatchAt: Date?
    private(set) var nextRescan = Date.distantFuture
    /// Names reported once as left alone (not regular files), forgotten when they go.
    private var leftAlone: Set<String> = []

    init(configuration: Configuration) {
        inbox = configuration.inbox
        ignoreRules = IgnoreRules(patterns: configuration.ignore)
        rescanInterval = max(configuration.rescanInterval, 1)
    }

    /// Watch first, then list: a file arriving in between is seen at least once.
    mutating func start(now: Date, intake: inout Intake, events: EventSink) throws {
        watcher = try InotifyWatcher(directory: inbox, ignoreRules: ignoreRules)
        nextRescan = now.addingTimeInterval(rescanInterval)
        rescan(now: now, intake: &intake, events: events)
    }

    var isWatching: Bool { rewatchAt == nil }

    /// The earliest moment `runDue` has something to do.
    var deadline: Date { min(nextRescan, rewatchAt ?? .distantFuture) }

    mutating func runDue(now: Date, intake: inout Intake, events: EventSink) {
        if let at = rewatchAt, at <= now { rewatch(now: now, intake: &intake, events: events) }
        if nextRescan <= now {
            nextRescan = now.addingTimeInterval(rescanInterval)
            if isWatching { rescan(now: now, intake: &intake, events: events) }
        }
    }

    /// Reads the watcher's events: names to take, or a reason to list the inbox or watch it again.
    mutating func drain(now: Date, intake: inout Intake, events: EventSink) {
        guard let watcher else { return }
        let inboxEvents: [InboxEvent]
        do {
            inboxEvents = try watcher.drain()
        } catch {
            lost(now: now, events: events)
            return
        }
        for event in inboxEvents {
            switch event {
            case .fileReady(let name):
                intake.fileReady(name)
            case .rescanNeeded:
                events.report(.rescanned(cause: .overflow))
                rescan(now: now, intake: &intake, events: events)
            case .undecodableName:
                events.report(.rescanned(cause: .undecodableName))
                rescan(now: now, intake: &intake, events: events)
            case .inboxGone:
                lost(now: now, events: events)
            }
        }
    }

    /// The inbox is gone or cannot be opened: recreate and watch it again, from now.
    mutating func lost(now: Date, events: EventSink) {
        guard isWatching else { return }
        events.report(.inboxLost(path: inbox))
        backoff.reset()
        rewatchAt = now
    }

    /// True the first time `name` is left alone since it appeared.
    mutating func leaveAlone(_ name: String) -> Bool {
        leftAlone.insert(name).inserted
    }

    mutating func taken(_ name: String) {
        leftAlone.remove(name)
    }

    /// A reload: the same watcher on new ignore rules, or a new watcher when the inbox moved.
    /// Throws (and changes nothing) when the new inbox cannot be watched.
    mutating func reconfigure(_ configuration: Configuration, now: Date) throws -> Bool {
        let moved = configuration.inbox != inbox
        let rules = IgnoreRules(patterns: configuration.ignore)
        if moved { watcher = try InotifyWatcher(directory: configuration.inbox, ignoreRules: rules) }
        watcher?.ignoreRules = rules
        inbox = configuration.inbox
        ignoreRules = rules
        rescanInterval = max(configuration.rescanInterval, 1)
        nextRescan = now
        return moved
    }

    private mutating func rewatch(now: Date, intake: inout Intake, events: EventSink) {
        guard let watcher else { return }
        do {
            try watcher.rewatch()  // recreates the folder first
            rewatchAt = nil
            backoff.reset()
            events.report(.inboxWatchedAgain(path: inbox))
            rescan(now: now, intake: &intake, events: events)
        } catch {
            let delay = backoff.next()
            rewatchAt = now.addingTimeInterval(delay)
            events.report(.inboxStillLost(path: inbox, reason: "\(error)", retryIn: delay))
        }
    }

    private mutating func rescan(now: Date, intake: inout Intake, events: EventSink) {
        var scanner = InboxScanner(directory: inbox, ignoreRules: ignoreRules)
        scanner.quietPeriod = InboxScanner.daemonQuietPeriod
        do {
            var skippedRecent = false
            let names = try scanner.scan(skippedRecent: &skippedRecent)
            // Sets of the listing only when there is something to compare (20,000 names: ~1 MB).
            if !leftAlone.isEmpty { leftAlone.formIntersection(names) }
            if !intake.troubled.isEmpty { intake.forgetTrouble(notIn: Set(names)) }
            names.forEach { intake.listed($0) }
            // A file still being written was left out: list again once it has been quiet.
            if skippedRecent { nextRescan = min(nextRescan, now.addingTimeInterval(scanner.quietPeriod + 1)) }
        } catch {
            lost(now: now, events: events)
        }
    }
}
