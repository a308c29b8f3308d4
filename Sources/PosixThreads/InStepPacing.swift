/// When a piece of background work asked for by requests runs (a checkpoint after commits, a
/// status file after events): at most about once per `interval`, and IN STEP with the requests.
///
/// A request that comes `interval` or more after the last run runs at once: the work starts
/// right after whatever asked for it (the daemon's commit, its event), not at a moment of its own.
/// A request that comes sooner waits for the first request at or after that moment; when none
/// comes within `grace` of it (whoever asks has paused), it runs then. A request may also say
/// that its moment is not one to start with (`canStart: false`): it is served by the next run.
/// So the work never starts on a timer while requests keep coming: a timer set once and
/// repeated every `interval` stays at one phase of a regular stream of work (1 s is 20 files
/// dropped 50 ms apart) and met the same step of every twentieth file; this follows the
/// requests instead.
///
/// What a caller may rely on: every request is served (`next` answers `.run`) no later than
/// `interval + grace` after it, and no sooner than `interval` after the run before it. A value
/// with no clock of its own: every moment is given (seconds on any one clock). Pure.
public struct InStepPacing: Sendable, Equatable {
    /// What the worker should do now.
    public enum Step: Sendable, Equatable {
        /// Run the work now (the pending requests are served by this run).
        case run
        /// Sleep until this moment, or until the next request.
        case wait(until: Double)
        /// Nothing is asked for: sleep until the next request.
        case idle
    }

    /// The shortest time between two runs.
    public let interval: Double
    /// How long a request made too soon waits past `interval` for a later one to run with.
    public let grace: Double
    /// When the last run started; nil before the first.
    public private(set) var lastRun: Double?
    /// The latest request not yet served; nil when none waits.
    public private(set) var latestRequest: Double?
    /// The latest of those that may start a run (`request(at:canStart:)`).
    public private(set) var latestStart: Double?

    /// `grace` defaults to a quarter of `interval`.
    public init(interval: Double, grace: Double? = nil) {
        self.interval = max(0, interval)
        self.grace = max(0, grace ?? interval / 4)
    }

    /// Work is asked for at `now`. With `canStart` false the moment is not one to start with
    /// (the work would meet what the asker does next): the request waits for one that is, or
    /// for the grace to pass.
    public mutating func request(at now: Double, canStart: Bool = true) {
        latestRequest = max(latestRequest ?? now, now)
        if canStart { latestStart = max(latestStart ?? now, now) }
    }

    /// The work ran at `now` outside `next` (a flush on the caller's thread): it serves the
    /// pending requests and counts as the last run.
    public mutating func ran(at now: Double) {
        lastRun = now
        latestRequest = nil
        latestStart = nil
    }

    /// What to do at `now`; `.run` counts as started at `now`.
    public mutating func next(at now: Double) -> Step {
        guard latestRequest != nil else { return .idle }
        guard let last = lastRun else {
            ran(at: now)
            return .run
        }
        let due = last + interval
        if (latestStart ?? -.infinity) >= due || now >= due + grace {
            ran(at: now)
            return .run
        }
        return .wait(until: due + grace)
    }
}
