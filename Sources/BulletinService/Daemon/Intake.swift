#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Which inbox files the daemon may take now, so that one file that cannot be taken delays
/// only itself.
///
/// Three kinds of trouble, three schedules:
/// - **A file's own passing trouble** (an I/O error reading it, a lock on it; or a file that may
///   not be read and cannot be quarantined either): that file waits out its own delay (1 s
///   doubling to 60 s) and is then taken again; every other file keeps flowing. A listing of the
///   inbox does not cut the delay short; an inotify event for the file (it was written again)
///   does.
/// - **Trouble that concerns every file** (the database locked, disk full, the archive or the
///   quarantine not writable, out of descriptors): taking files pauses (1 s doubling to 60 s)
///   and the file stays queued.
/// - A file's own lasting fault (permission denied on it, not text, too large) is no trouble
///   here: the daemon quarantines it.
///
/// A value type touched only by the daemon's thread; pure apart from the times passed in.
struct Intake: Sendable {
    /// A file whose last attempt failed for a reason of its own, until it is taken.
    struct Trouble: Sendable {
        /// When it may be taken again; nil once released into the queue.
        var until: Date?
        var backoff: Backoff
        /// One line: why the file was not taken, for the status line.
        var reason: String
    }

    enum Scope: Sendable, Equatable {
        /// The trouble is the file's own: it waits, the others do not.
        case file
        /// The trouble would hit any file: taking files pauses.
        case everything
    }

    private var queue = PendingQueue()
    /// The files in trouble of their own, by name.
    private(set) var troubled: [String: Trouble] = [:]
    private var pauseBackoff = Backoff()
    /// While set, no file is taken (trouble that concerns every file); cleared when it passes.
    private(set) var pausedUntil: Date?
    /// The file whose failure started the current pause (logged once), until files flow again.
    private(set) var failingSince: String?

    var hasQueued: Bool { !queue.isEmpty }
    var queuedCount: Int { queue.count }

    /// The earliest time a file waiting out its own delay may be taken again.
    var nextRelease: Date? { troubled.values.compactMap(\.until).min() }

    /// A file reported ready by inotify (closed after writing, or moved in): queued, even when it
    /// was waiting out its own delay (it has changed).
    mutating func fileReady(_ name: String) {
        troubled[name]?.until = nil
        queue.add(name)
    }

    /// A name found by listing the inbox: queued unless it waits out its own delay.
    mutating func listed(_ name: String) {
        if troubled[name]?.until == nil { queue.add(name) }
    }

    /// Forgets the troubled files that are no longer in the inbox.
    mutating func forgetTrouble(notIn names: Set<String>) {
        troubled = troubled.filter { names.contains($0.key) }
    }

    /// Puts a name back in the queue (it was taken out but not handled).
    mutating func requeue(_ name: String) {
        queue.add(name)
    }

    mutating func next() -> String? {
        queue.next()
    }

    /// Queues the waiting files whose delay has passed.
    mutating func releaseDue(at now: Date) {
        for (name, entry) in troubled {
            if let until = entry.until, until <= now {
                troubled[name]?.until = nil
                queue.add(name)
            }
        }
    }

    /// `name` could not be taken for a reason of its own: it waits (1 s doubling to 60 s) while
    /// the others are taken. Returns its delay, and whether this is the first failure of a run
    /// (log it then, not at every retry).
    mutating func fileFailed(_ name: String, reason: String, at now: Date) -> (delay: Double, first: Bool) {
        var entry = troubled[name] ?? Trouble(until: nil, backoff: Backoff(), reason: reason)
        let first = troubled[name] == nil
        let delay = entry.backoff.next()
        entry.until = now.addingTimeInterval(delay)
        entry.reason = reason
        troubled[name] = entry
        return (delay, first)
    }

    /// `name` was taken (read, quarantined, or found gone). True when it had been in trouble.
    @discardableResult
    mutating func fileTaken(_ name: String) -> Bool {
        troubled.removeValue(forKey: name) != nil
    }

    /// Trouble that concerns every file: no file is taken until the returned delay has passed.
    /// `first` is true for the first failure of a run (log it then).
    mutating func pause(because name: String, at now: Date) -> (delay: Double, first: Bool) {
        let delay = pauseBackoff.next()
        pausedUntil = now.addingTimeInterval(delay)
        let first = failingSince == nil
        if first { failingSince = name }
        return (delay, first)
    }

    /// Whether taking files is paused at `now`.
    func isPaused(at now: Date) -> Bool {
        (pausedUntil ?? .distantPast) > now
    }

    /// The pause has passed: files may be taken (a failure pauses again, with a longer delay).
    mutating func pauseOver() {
        pausedUntil = nil
    }

    /// Files were taken without trouble that concerns every file: the next pause starts short
    /// again. True when a run of failures ended here (log it).
    mutating func flowing() -> Bool {
        pauseBackoff.reset()
        defer { failingSince = nil }
        return failingSince != nil
    }

    /// For the status line: `1 file waiting: private.txt (…)` or `3 files waiting: a, b, c`.
    var waitingNote: String? {
        guard !troubled.isEmpty else { return nil }
        let names = troubled.keys.sorted()
        if names.count == 1, let name = names.first, let entry = troubled[name] {
            return "1 file waiting: \(name) (\(entry.reason))"
        }
        let shown = names.prefix(3).joined(separator: ", ")
        return "\(names.count) files waiting: \(shown)\(names.count > 3 ? ", …" : "") (see the journal)"
    }

    /// Whether a failure to read an inbox file (`InboxFile.take`) concerns that file only or
    /// every file: out of descriptors or memory, the inbox not searchable, a read-only or full
    /// file system concern every file; anything else (an I/O error, a lock) only that file.
    static func scope(ofReadFailure error: any Error) -> Scope {
        guard let failure = error as? POSIXFailure else { return .file }
        switch failure.code {
        case EMFILE, ENFILE, ENOMEM, ENOBUFS, EACCES, ENOSPC, EDQUOT, EROFS: return .everything
        default: return .file
        }
    }
}
