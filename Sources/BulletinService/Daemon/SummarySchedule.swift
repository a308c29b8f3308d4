#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When the day's summary is next written after ingests, as a value (no clock of its own: every
/// moment is given). The summary waits for `quiet` seconds with no file stored and none waiting
/// to be taken, so a backlog is not interrupted by summaries; but it is never later than
/// `ceiling` seconds after the first file stored since the last summary, so a stream that never
/// pauses still gets its summary at least that often.
struct SummarySchedule {
    /// Seconds of quiet after the last store (`summary_debounce`).
    private(set) var quiet: Double
    /// The longest a stored file waits for its summary, busy or not.
    private(set) var ceiling: Double
    /// The pending summary: when the quiet ends, when the ceiling is reached, and a moment of the
    /// day it is for (the last stored file's arrival). Nil when nothing waits for a summary.
    private(set) var pending: (quietEnds: Date, ceilingAt: Date, day: Date)?

    /// The ceiling used by the daemon: a minute, or ten quiet periods when those are longer.
    static func ceiling(forQuiet quiet: Double) -> Double { max(60, 10 * quiet) }

    init(quiet: Double, ceiling: Double? = nil) {
        self.quiet = 0
        self.ceiling = 0
        setQuiet(quiet, ceiling: ceiling)
    }

    /// A new quiet period (a reload), and the ceiling that goes with it unless one is given (never
    /// shorter than the quiet); a pending summary keeps the moments already set for it.
    mutating func setQuiet(_ quiet: Double, ceiling: Double? = nil) {
        self.quiet = max(quiet, 0)
        self.ceiling = max(ceiling ?? Self.ceiling(forQuiet: self.quiet), self.quiet)
    }

    /// A file received at `receivedAt` was stored at `now`: the quiet starts again from `now`;
    /// the ceiling stays where the first store since the last summary put it.
    mutating func stored(receivedAt: Date, now: Date) {
        let ceilingAt = pending?.ceilingAt ?? now.addingTimeInterval(ceiling)
        pending = (now.addingTimeInterval(quiet), ceilingAt, receivedAt)
    }

    /// The earliest moment `due` can answer a day when not busy (`distantFuture` when nothing is
    /// pending). A busy daemon does not sleep, and asks again at every turn.
    var deadline: Date {
        guard let pending else { return .distantFuture }
        return min(pending.quietEnds, pending.ceilingAt)
    }

    /// The day whose summary is due at `now` (`busy`: files are waiting to be taken), taken out of
    /// the schedule; nil when none is due yet.
    mutating func due(at now: Date, busy: Bool) -> Date? {
        guard let pending, pending.ceilingAt <= now || (!busy && pending.quietEnds <= now) else { return nil }
        self.pending = nil
        return pending.day
    }

    /// Takes out the pending summary, due or not (a stop, or a day ended before it was written).
    mutating func take() -> Date? {
        defer { pending = nil }
        return pending?.day
    }

    /// Forgets the pending summary when it is for a moment before `moment` (its day was written
    /// whole at midnight); a pending summary of a later day stays as it was.
    mutating func forget(before moment: Date) {
        if let pending, pending.day < moment { self.pending = nil }
    }
}
