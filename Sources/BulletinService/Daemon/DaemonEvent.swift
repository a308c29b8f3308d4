#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the daemon reports to its observers as it happens: the journal (`LoggingObserver`), the
/// state file `bulletind status` reads, the metrics file, and the tests.
///
/// What an observer may rely on: events come from the daemon's one thread, in the order things
/// happened, each with the time it happened (`DaemonObserver.observe(_:at:)`). An observer must
/// return quickly and never blocks the daemon on I/O it cannot bound.
public enum DaemonEvent: Sendable, Equatable {
    /// The folders exist, the inbox is watched; `queued` files were waiting in it at start.
    case started(inbox: String, queued: Int)
    /// A new local day began (at start and at each local midnight), with the articles stored
    /// so far on that day.
    case dayStarted(LocalDay, articles: Int)
    /// The day ended at the local midnight; its summary was written a last time just before.
    case dayEnded(LocalDay)
    /// Bulletins stored before the last stop whose files had left the inbox, recorded as filed.
    case filingRecovered(count: Int)
    /// The start-up check for such bulletins failed (harmless: their content arriving again is
    /// filed without being counted).
    case filingRecoveryFailed(reason: String)
    /// A file left the inbox: archived (stored, duplicate, stored earlier) or quarantined.
    case filed(FiledFile)
    /// Files were archived but could not be recorded as filed (harmless: the same content
    /// arriving later is filed without being counted).
    case filingNotRecorded(count: Int, reason: String)
    /// Several files were stored in one transaction (a backlog).
    case batchStored(files: Int, bytes: Int)
    /// The sender removed the file before it was read.
    case vanished(name: String)
    /// Not a regular file (link, folder, FIFO…): left in the inbox, reported once.
    case leftAlone(name: String, reason: String)
    /// A file cannot be taken now for a reason of its own; it waits on its own backoff while the
    /// others go on. Reported on its first failure of a run only.
    case fileWaiting(name: String, reason: String)
    /// Trouble that concerns every file (the store, the archive or the quarantine): taking files
    /// pauses for `delay` seconds. Reported on the first failure of a run only.
    case paused(name: String, reason: String, delay: Double)
    /// Files are taken again after a pause.
    case resumed
    /// The database did not answer (`address`: `host:port`): at start, or a call failed because
    /// the connection was lost. Files wait in the inbox (still watched) and a new connection is
    /// tried after `retryIn` seconds, then with a longer delay each time. Reported once per
    /// outage.
    case databaseUnreachable(address: String, reason: String, retryIn: Double)
    /// The database answers again, `after` seconds after it was found unreachable; the files
    /// waiting in the inbox are taken.
    case databaseReachable(address: String, after: Double)
    /// The inbox was listed again (`cause`: overflow of the inotify queue, or a name that is not
    /// UTF-8).
    case rescanned(cause: RescanCause)
    /// The inbox was removed or replaced: it is recreated and watched again, with backoff.
    case inboxLost(path: String)
    case inboxWatchedAgain(path: String)
    case inboxStillLost(path: String, reason: String, retryIn: Double)
    /// The summary of a day was written (`summaries/YYYY-MM-DD.*`), or could not be.
    case summaryWritten(LocalDay)
    case summaryFailed(LocalDay, reason: String)
    /// SIGHUP: the configuration and rules were read again, or the old ones stay in force.
    case reloaded
    case reloadFailed(reason: String)
    /// The files waiting in the inbox after a turn of the loop that changed them: `queued` to
    /// take, `waiting` held back by their own trouble.
    case backlog(queued: Int, waiting: Int)
    /// SIGTERM, SIGINT or `stop()`: the batch in progress is finished, the summary written.
    case stopping(reason: String)
    case stopped
}

/// Why the inbox was listed again outside the regular rescan.
public enum RescanCause: String, Sendable, Equatable {
    case overflow
    case undecodableName
}

/// One file that left the inbox, and how.
public struct FiledFile: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Stored: `newArticles` of its `articles` were not in the archive yet.
        case stored(articles: Int, newArticles: Int, topics: [String])
        /// The same bytes were stored before: archived, counted as a duplicate.
        case duplicate
        /// Stored before the last stop but not yet filed: archived now, not counted again.
        case storedEarlier
        /// Moved to the quarantine with `NAME.error` giving `reason`.
        case quarantined(QuarantineCause, reason: String)
    }

    public var name: String
    public var outcome: Outcome
    /// From taking the file out of the queue to its move, in seconds.
    public var duration: Double

    public init(name: String, outcome: Outcome, duration: Double) {
        self.name = name
        self.outcome = outcome
        self.duration = duration
    }
}

/// Why a file was quarantined, as a class a metric or a monitor can count.
public enum QuarantineCause: String, Sendable, Equatable {
    /// The content can never be ingested (not a bulletin, malformed e-mail, no articles).
    case rejected
    /// Larger than `max_file_size`; not read.
    case tooLarge = "too-large"
    /// The daemon's user may not read it.
    case unreadable
}
