#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import BulletinStore

/// The long-running service: watches the inbox, takes each complete file through the pipeline,
/// archives or quarantines it, keeps the day's summary up to date and talks to systemd. It
/// coordinates parts with one concern each — `EventLoop` (the wait), `InboxMonitor` (watching),
/// `Intake` (which file may be taken), `BatchReader`, `Filing`, `DayClock` (summaries, midnight),
/// `StatusBoard` (systemd's status line) — and reports `DaemonEvent`s to its observers. One
/// thread; the next batch is analysed on other threads while one is stored; signals are handled
/// between batches, so a stop finishes the batch in progress. Other threads get a `StopHandle`.
///
/// What a caller may rely on:
/// - Nothing is ever deleted: a file leaves the inbox only archived (stored or duplicate) or
///   quarantined (rejected, too large, not readable by the daemon's user) with `NAME.error`.
/// - One file never holds up the others (`Intake`): one that can be neither read nor moved
///   waits on its own backoff (1 s doubling to 60 s), named in the status line. Trouble of
///   every file (the store, the archive or the quarantine failing) pauses taking files with a
///   backoff that ends on its own.
/// - Links, folders, FIFOs, sockets and devices in the inbox are left alone and reported once;
///   a missing or replaced inbox is recreated (0750) and watched again.
/// - A shared database that does not answer (`DatabaseLink`), at start or during a burst,
///   holds up every file without losing one: the daemon starts, watches and tells systemd it is
///   ready all the same, says `waiting for database HOST:PORT` in its status, tries again with
///   a backoff (0.5 s doubling to 30 s) and takes the waiting files once the database answers.
public final class Daemon {
    private var state = DaemonState.starting
    private var runtime: ServiceRuntime
    private var pipeline: Pipeline
    private let options: DaemonOptions
    private let events: EventSink
    private let status = StatusBoard()
    private var loop: EventLoop
    private var monitor: InboxMonitor
    private var intake = Intake()
    private var database: DatabaseLink
    /// Why the database did not answer when the daemon was made (reported once it watches).
    private var unreachableAtStart: (any Error)?
    private var dayClock: DayClock
    /// The batch being prepared on other threads, stored on the loop's next turn.
    private var preparing: InFlightBatch?
    /// Whether the full-text index may have segments to merge (`Store.tidyIndex`).
    private var indexUntidy = false
    private var lastStatus = ""
    private var lastBacklog = (queued: 0, waiting: 0)

    /// - Parameter runtime: opened with `StoreAccess.daemon`; its rules become the pipeline.
    public init(runtime: ServiceRuntime, observers: [any DaemonObserver], options: DaemonOptions = DaemonOptions()) throws {
        self.runtime = runtime
        self.options = options
        pipeline = try runtime.pipeline(syncingTopics: false)
        database = DatabaseLink(database: runtime.configuration.database)
        events = EventSink(observers: [status] + observers, clock: options.clock)
        // The first contact: the topics made to match the rules. A database that does not
        // answer is waited for once the daemon watches; any other failure stops the start.
        do {
            try pipeline.syncTopics()
            _ = database.answered(at: options.clock())
        } catch where DatabaseLink.isUnreachable(error) {
            unreachableAtStart = error
        }
        loop = try EventLoop(notifier: options.notifier, now: options.clock())
        monitor = InboxMonitor(configuration: runtime.configuration)
        dayClock = DayClock(runtime: runtime, events: events)
    }

    /// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and every thread it starts
    /// afterwards. Call first thing in `main`, before any other thread exists, so the signals
    /// reach the daemon's signalfd instead of killing the process.
    public static func blockSignals() {
        SignalChannel.block()
    }

    /// Asks `run()` to stop, from any thread.
    public var stopHandle: StopHandle { StopHandle(pipe: loop.wakePipe) }

    /// Runs until SIGTERM, SIGINT or `stopHandle.stop()`; then returns the exit code 0.
    /// Throws only when start-up fails (folders cannot be created, inbox cannot be watched).
    public func run() throws -> Int32 {
        try start()
        while state == .watching {
            let now = options.clock()
            loop.pingWatchdogIfDue(now: now)
            monitor.runDue(now: now, intake: &intake, events: events)
            intake.releaseDue(at: now)
            if database.retryDue(at: now) { contactDatabase() }
            // The summaries read the database: while it does not answer, they wait with the files.
            // While files are being taken, the day's summary waits for the quiet after them.
            if database.isUp { dayClock.tick(now, busy: canTakeFiles && !intake.isPaused(at: now)) }
            publishStatus()
            let canTake = canTakeFiles
            let tidy = indexUntidy && preparing == nil && !intake.hasQueued && intake.pausedUntil == nil && database.isUp
            let deadline = [monitor.deadline, database.isUp ? dayClock.deadline : nil, intake.nextRelease,
                            canTake ? intake.pausedUntil : nil, database.retryAt]
                .compactMap { $0 }.min()
            let wakeup = loop.wait(until: deadline, immediately: canTake ? intake.pausedUntil == nil : tidy,
                                   inbox: monitor.watcher?.fileDescriptor, now: now)
            for signal in wakeup.signals {
                if signal == SIGHUP { reload() } else { drain("received signal \(signal)") }
            }
            if wakeup.stopRequested { drain("asked to stop") }
            if wakeup.inboxReadable { monitor.drain(now: options.clock(), intake: &intake, events: events) }
            guard state == .watching else { break }
            if canTakeFiles, !intake.isPaused(at: options.clock()) {
                takeFiles()
            } else if tidy {
                tidyIndex()
            }
        }
        options.notifier.stopping()
        if preparing != nil { takeFiles(gatherMore: false) }
        if database.isUp { dayClock.finish(options.clock()) }
        state = .stopped
        events.report(.stopped)
        return 0
    }

    private func start() throws {
        let configuration = runtime.configuration
        options.configurationApplied?(configuration)
        for folder in [configuration.inbox, configuration.archive, configuration.quarantine, configuration.summaries] {
            try Directories.create(folder)
        }
        if database.isUp { filing.recoverInterrupted() }
        try monitor.start(now: options.clock(), intake: &intake, events: events)
        if database.isUp { dayClock.startDay(options.clock()) }
        state = .watching
        events.report(.started(inbox: configuration.inbox, queued: intake.queuedCount))
        if let error = unreachableAtStart { databaseUnreachable(error) }
        lastStatus = status.line(waiting: intake.waitingNote)
        options.notifier.ready(status: lastStatus)
    }

    private var canTakeFiles: Bool { (preparing != nil || intake.hasQueued) && monitor.isWatching && database.isUp }

    private func drain(_ reason: String) {
        guard state == .watching else { return }
        state = .draining(reason: reason)
        events.report(.stopping(reason: reason))
    }

    private var filing: Filing { Filing(configuration: runtime.configuration, pipeline: pipeline, events: events) }

    /// Stores and files the batch prepared on other threads (after starting to prepare the next
    /// one, so that analysis and the write overlap), or, when none is in flight, gathers one.
    private func takeFiles(gatherMore: Bool = true) {
        intake.pauseOver()  // called once any pause has passed; a failure below pauses again
        guard let current = preparing else {
            preparing = gather(excluding: [])
            return
        }
        preparing = nil
        let prepared = current.wait()
        if gatherMore, intake.pausedUntil == nil { preparing = gather(excluding: current.names) }
        do {
            let outcomes = try pipeline.store(prepared.get())
            if current.inputs.count > 1 {
                events.report(.batchStored(files: current.inputs.count, bytes: current.inputs.reduce(0) { $0 + $1.size }))
            }
            indexUntidy = true
            let report = filing.file(current, outcomes: outcomes, intake: &intake)
            let storedAt = options.clock()
            report.stored.forEach { dayClock.stored(receivedAt: $0.receivedAt, now: storedAt) }
            if let failure = report.failure { pause(failure.name, failure.error) } else { flowing() }
        } catch {
            // Nothing of the batch was stored, or a COMMIT got no answer (then taking the files
            // again is harmless: see `PostgresArchive.ingest(batch:)`): every file stays in the inbox.
            current.inputs.forEach { intake.requeue($0.fileName) }
            if DatabaseLink.isUnreachable(error) {
                databaseUnreachable(error)
            } else {
                pause(current.inputs[0].fileName, error)
            }
        }
    }

    private func gather(excluding excluded: Set<String>) -> InFlightBatch? {
        let reader = BatchReader(filing: filing, beforeTaking: options.beforeTaking)
        let gathered = reader.gather(excluding: excluded, intake: &intake, monitor: &monitor)
        if let trouble = gathered.trouble { pause(trouble.name, trouble.error) } else if gathered.batch == nil { flowing() }
        return gathered.batch
    }

    /// Trouble that concerns every file: the file stays in the inbox and taking files pauses.
    private func pause(_ name: String, _ error: any Error) {
        let (delay, first) = intake.pause(because: name, at: options.clock())
        if first { events.report(.paused(name: name, reason: "\(error)", delay: delay)) }
    }

    /// The database did not answer: no file is taken until a new contact succeeds (reported
    /// once per outage). The batch being prepared read the database too: its files go back to
    /// the queue with the others.
    private func databaseUnreachable(_ error: any Error) {
        let (delay, first) = database.failed(at: options.clock())
        if first { events.report(.databaseUnreachable(address: database.address, reason: "\(error)", retryIn: delay)) }
        if let next = preparing {
            preparing = nil
            _ = next.wait()
            next.inputs.forEach { intake.requeue($0.fileName) }
        }
    }

    /// A new contact with the database (the topics made to match the rules in force). When it
    /// answers, the outage ends, and after a start without the database, the start-up work that
    /// reads it is done now: filings interrupted before the last stop, the day's summaries.
    private func contactDatabase() {
        do {
            try pipeline.syncTopics()
        } catch {
            // A refusal other than "unreachable" (a migration the server rejects) is waited out
            // the same way; it is reported with the outage when it begins one.
            databaseUnreachable(error)
            return
        }
        let now = options.clock()
        let (outage, firstContact) = database.answered(at: now)
        if let outage { events.report(.databaseReachable(address: database.address, after: outage)) }
        if firstContact {
            filing.recoverInterrupted()
            dayClock.startDay(now)
        }
    }

    /// Files were taken without trouble that concerns every file: any pause ends.
    private func flowing() {
        if intake.pausedUntil == nil, intake.flowing() { events.report(.resumed) }
    }

    /// One short step of merging the full-text index while idle, so that the next commits have
    /// little merging of their own to do. Steps go on until one finds nothing to merge.
    private func tidyIndex() {
        indexUntidy = (try? runtime.store.tidyIndex()) ?? false
    }

    /// SIGHUP: the configuration and rules read again; on any error the old ones stay in force.
    private func reload() {
        options.notifier.reloading()
        do {
            let next = try runtime.reloaded()
            let nextPipeline = try next.pipeline(syncingTopics: false)
            if database.isUp {
                do {
                    try nextPipeline.syncTopics()
                } catch where DatabaseLink.isUnreachable(error) {
                    // The new rules' topics are synced by the contact that ends the outage.
                    databaseUnreachable(error)
                }
            }
            if try monitor.reconfigure(next.configuration, now: options.clock()) { intake = Intake() }
            (runtime, pipeline) = (next, nextPipeline)
            dayClock.reconfigure(next)
            options.configurationApplied?(next.configuration)
            events.report(.reloaded)
        } catch {
            events.report(.reloadFailed(reason: "\(error)"))
        }
        lastStatus = status.line(waiting: intake.waitingNote)
        options.notifier.ready(status: lastStatus)
    }

    /// systemd's status line and the backlog, when they changed.
    private func publishStatus() {
        let line = status.line(waiting: intake.waitingNote)
        if line != lastStatus {
            lastStatus = line
            options.notifier.status(line)
        }
        let backlog = (queued: intake.queuedCount, waiting: intake.troubled.count)
        if backlog != lastBacklog {
            lastBacklog = backlog
            events.report(.backlog(queued: backlog.queued, waiting: backlog.waiting))
        }
    }
}
