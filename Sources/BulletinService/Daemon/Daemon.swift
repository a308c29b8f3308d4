import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The long-running service: watches the inbox and takes each complete file through the
/// pipeline, then archives or quarantines it; keeps the day's summary up to date; talks to
/// systemd (readiness, status, watchdog, reload, stop).
///
/// One thread, one poll(2) loop over the inotify descriptor, a signalfd (SIGTERM, SIGINT,
/// SIGHUP) and a wake-up pipe (`requestStop()`). Files are taken one batch at a time (one file
/// when one is waiting; a group stored in one transaction when a backlog has built up, see
/// `takeFiles`); signals are handled between batches, so a stop finishes the batch in progress.
///
/// What a caller may rely on:
/// - Nothing is ever deleted: a file leaves the inbox only by being archived (stored or
///   duplicate) or quarantined (rejected, larger than `maxFileSize`, or not readable by the
///   daemon's user), with `NAME.error` giving the reason.
/// - One file never holds up the others (`Intake`). A file the daemon may not read (permission
///   denied on the file itself) is quarantined with a reason that names the permission problem;
///   the quarantine is a rename, which needs only write permission on the inbox. If it cannot be
///   moved either, it is left in the inbox, logged once, named in the status line, and tried
///   again with its own backoff (1 s doubling to 60 s) while every other file is taken. Passing
///   trouble of one file (an I/O error reading it) is handled the same way.
/// - Trouble that concerns every file (the store failing: database locked or busy, disk full;
///   the archive or the quarantine not writable; out of descriptors) leaves the file in the
///   inbox, is logged once, and pauses taking files with a backoff (1 s doubling to 60 s) that
///   ends on its own.
/// - Symbolic links, folders, FIFOs, sockets and devices in the inbox are left alone and
///   logged once. Sub-folders are not watched and not descended into.
/// - A missing or replaced inbox is recreated (0750) and watched again, with backoff.
///
/// Test-only: when the environment variable `BULLETIND_TEST_WEDGE` names a file, taking a file
/// with exactly that name blocks the loop forever, so a test can check that systemd's watchdog
/// restarts a wedged service. Never set it in production.
public final class Daemon: @unchecked Sendable {
    private var configuration: Configuration
    private var pipeline: Pipeline
    private let logger: Logger
    private let hooks: DaemonHooks
    private let notifier: SystemdNotifier
    private let wedgeName: String?
    /// The wall clock; a test may shift it (to cross a local midnight) but not slow it.
    private let clock: @Sendable () -> Date
    /// A pipe: `requestStop()` writes to [1], the loop polls [0].
    private let wakePipe: (read: Int32, write: Int32)

    // Loop state, touched only by the thread in `run()`.
    private var watcher: InotifyWatcher?
    /// The names to take, each troubled file's own delay, and the pause for trouble that
    /// concerns every file.
    private var intake = Intake()
    private var leftAlone: Set<String> = []
    private var inboxBackoff = Backoff()
    private var rewatchAt: Date?
    private var nextRescan = Date.distantFuture
    private var summaryDue: (at: Date, day: Date)?
    private var nextMidnight = Date.distantFuture
    private var articlesToday = 0
    private var lastFile: String?
    private var statusNote: String?
    private var stopping = false
    /// The batch being prepared on other threads, stored on the loop's next turn.
    private var preparing: InFlightBatch?
    /// Whether the full-text index may have segments to merge (`Store.tidyIndex`): set by each
    /// store, cleared when a step finds nothing to do.
    private var indexUntidy = false

    /// - Parameters:
    ///   - configuration: absolute paths expected (the CLI resolves them).
    ///   - pipeline: the pipeline for that configuration.
    ///   - environment: read for `BULLETIND_TEST_WEDGE` (test-only).
    ///   - clock: the current time; tests shift it to reach a local midnight quickly.
    public init(configuration: Configuration, pipeline: Pipeline, logger: Logger, hooks: DaemonHooks,
                notifier: SystemdNotifier = SystemdNotifier(),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.clock = clock
        self.configuration = configuration
        self.pipeline = pipeline
        self.logger = logger
        self.hooks = hooks
        self.notifier = notifier
        let wedge = environment["BULLETIND_TEST_WEDGE"] ?? ""
        wedgeName = wedge.isEmpty ? nil : wedge
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXFailure(operation: "pipe", path: "") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakePipe = (ends[0], ends[1])
    }

    deinit {
        close(wakePipe.read)
        close(wakePipe.write)
    }

    /// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and every thread it starts
    /// afterwards. Call first thing in `main`, before any other thread exists, so the signals
    /// reach the daemon's signalfd instead of killing the process.
    public static func blockSignals() {
        SignalChannel.block()
    }

    /// Asks `run()` to stop as after SIGTERM. Safe from any thread.
    public func requestStop() {
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    /// Runs until SIGTERM, SIGINT or `requestStop()`; then returns the exit code 0.
    /// Throws only when start-up fails (folders cannot be created, inbox cannot be watched).
    public func run() throws -> Int32 {
        let signals = try SignalChannel()
        try start()
        let watchdogHalf = notifier.isEnabled ? SystemdNotifier.watchdogInterval().map { $0 / 2 } : nil
        var lastPing = clock()

        while !stopping {
            let now = clock()
            if let half = watchdogHalf, now.timeIntervalSince(lastPing) >= half {
                notifier.watchdogPing()
                lastPing = now
            }
            runDueTimers(now)

            var deadlines = [nextRescan, nextMidnight]
            if let at = rewatchAt { deadlines.append(at) }
            if let at = intake.nextRelease { deadlines.append(at) }
            if let due = summaryDue { deadlines.append(due.at) }
            if let half = watchdogHalf { deadlines.append(lastPing.addingTimeInterval(half)) }
            var timeout = deadlines.map { $0.timeIntervalSince(now) }.min() ?? 60
            if canTakeFiles {
                if let at = intake.pausedUntil { timeout = min(timeout, at.timeIntervalSince(now)) } else { timeout = 0 }
            } else if canTidyIndex {
                timeout = 0
            }
            let milliseconds = Int32(max(0, min(timeout, 3600)) * 1000)

            var fds = [pollfd(fd: signals.fileDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
            if let watcher { fds.append(pollfd(fd: watcher.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno != EINTR {
                logger.error("poll failed: \(String(cString: strerror(errno)))")
                sleep(1)
                continue
            }
            if ready > 0 {
                if fds[0].revents != 0 { handle(signals: signals.drain()) }
                if fds[1].revents != 0 {
                    var byte: UInt8 = 0
                    _ = read(wakePipe.read, &byte, 1)
                    stopping = true
                }
                if fds.count > 2, fds[2].revents != 0 { drainWatcher() }
            }
            if !stopping, canTakeFiles, !intake.isPaused(at: clock()) {
                takeFiles()
            } else if !stopping, canTidyIndex {
                tidyIndex()
            }
        }

        notifier.stopping()
        logger.info("stopping")
        // A stop finishes the batch in progress.
        if preparing != nil { takeFiles(gatherMore: false) }
        if let due = summaryDue { publishSummary(for: due.day) }
        publishSummary(for: clock())
        logger.info("stopped")
        return 0
    }

    // MARK: - Start-up

    private func start() throws {
        for folder in [configuration.inbox, configuration.archive, configuration.quarantine, configuration.summaries] {
            try Directories.create(folder)
        }
        recoverFiling()
        // Watch first, then list: a file arriving in between is seen at least once.
        watcher = try InotifyWatcher(directory: configuration.inbox, ignoreRules: ignoreRules)
        let now = clock()
        nextRescan = now.addingTimeInterval(rescanInterval)
        rescan()
        startDay(now)
        logger.info("watching \(configuration.inbox)", metadata: ["queued": "\(intake.queuedCount)"])
        notifier.ready(status: statusLine())
    }

    /// Files moved out of the inbox before a stop (kill, power cut) that came before they were
    /// recorded as filed: recorded now (`FilingRecovery`). A failure is logged and harmless:
    /// such a bulletin's content arriving again is then filed without being counted.
    private func recoverFiling() {
        do {
            let filed = try FilingRecovery.run(store: pipeline.store, inbox: configuration.inbox,
                                               maxFileSize: configuration.maxFileSize)
            if filed > 0 {
                logger.notice("recorded \(filed) bulletin(s) as filed whose file had left the inbox before the last stop")
            }
        } catch {
            logger.warning("cannot check for bulletins left unrecorded as filed: \(error)")
        }
    }

    private var ignoreRules: IgnoreRules { IgnoreRules(patterns: configuration.ignore) }
    private var rescanInterval: Double { max(configuration.rescanInterval, 1) }
    private var canTakeFiles: Bool { (preparing != nil || intake.hasQueued) && rewatchAt == nil }
    /// Idle, with index merging left to do (and no transient failure being waited out).
    private var canTidyIndex: Bool { indexUntidy && preparing == nil && !intake.hasQueued && intake.pausedUntil == nil }

    private var calendar: LocalCalendar { configuration.calendar }

    private func startDay(_ now: Date) {
        let start = calendar.interval(containing: now).start
        nextMidnight = calendar.nextMidnight(after: now)
        articlesToday = (try? pipeline.store.articleCount(firstReceivedFrom: start, to: nextMidnight)) ?? 0
    }

    // MARK: - Events and timers

    private func runDueTimers(_ now: Date) {
        if let at = rewatchAt, at <= now { rewatch() }
        intake.releaseDue(at: now)
        if nextRescan <= now {
            nextRescan = now.addingTimeInterval(rescanInterval)
            if rewatchAt == nil { rescan() }
        }
        if let due = summaryDue, due.at <= now {
            summaryDue = nil
            publishSummary(for: due.day)
        }
        if nextMidnight <= now {
            // The finished day is written a last time, then the new day begins.
            let finished = nextMidnight.addingTimeInterval(-1)
            if let due = summaryDue, due.day < nextMidnight { summaryDue = nil }
            publishSummary(for: finished)
            startDay(now)
            logger.info("midnight: the summary of \(calendar.day(containing: finished)) is final; a new day begins")
            notifier.status(statusLine())
        }
    }

    private func drainWatcher() {
        guard let watcher else { return }
        let events: [InboxEvent]
        do {
            events = try watcher.drain()
        } catch {
            logger.error("reading inbox events failed: \(error)")
            return
        }
        for event in events {
            switch event {
            case .fileReady(let name):
                intake.fileReady(name)
            case .rescanNeeded:
                logger.notice("inotify queue overflowed; listing the inbox again")
                rescan()
            case .undecodableName:
                logger.notice("a file arrived under a name that is not UTF-8; listing the inbox to take it under an escaped name")
                rescan()
            case .inboxGone:
                guard rewatchAt == nil else { continue }
                logger.warning("the inbox \(configuration.inbox) was removed or replaced; recreating and watching it again")
                inboxBackoff.reset()
                rewatchAt = clock()
            }
        }
    }

    private func rewatch() {
        guard let watcher else { return }
        do {
            try watcher.rewatch()
            rewatchAt = nil
            inboxBackoff.reset()
            logger.info("watching \(configuration.inbox) again")
            rescan()
            notifier.status(statusLine())
        } catch {
            let delay = inboxBackoff.next()
            rewatchAt = clock().addingTimeInterval(delay)
            logger.error("cannot watch the inbox \(configuration.inbox) again: \(error); retrying in \(Int(delay)) s")
            notifier.status("cannot watch \(configuration.inbox): \(error)")
        }
    }

    private func rescan() {
        var scanner = InboxScanner(directory: configuration.inbox, ignoreRules: ignoreRules)
        scanner.quietPeriod = InboxScanner.daemonQuietPeriod
        do {
            var skippedRecent = false
            let names = try scanner.scan(skippedRecent: &skippedRecent)
            leftAlone.formIntersection(names)
            intake.forgetTrouble(notIn: Set(names))
            names.forEach { intake.listed($0) }
            // A file still being written was left out: list again once it has been quiet.
            if skippedRecent { nextRescan = min(nextRescan, clock().addingTimeInterval(scanner.quietPeriod + 1)) }
        } catch {
            logger.error("cannot list the inbox: \(error)")
            if rewatchAt == nil { rewatchAt = clock() }
        }
    }

    private func handle(signals: [Int32]) {
        for signal in signals {
            switch signal {
            case SIGHUP: reload()
            default:
                logger.info("received signal \(signal); finishing up")
                stopping = true
            }
        }
    }

    private func reload() {
        notifier.reloading()
        logger.info("reloading configuration and rules")
        do {
            let (newConfiguration, newPipeline) = try hooks.reload()
            if newConfiguration.inbox != configuration.inbox {
                let newWatcher = try InotifyWatcher(directory: newConfiguration.inbox,
                                                    ignoreRules: IgnoreRules(patterns: newConfiguration.ignore))
                watcher = newWatcher
                intake = Intake()
            }
            configuration = newConfiguration
            pipeline = newPipeline
            watcher?.ignoreRules = ignoreRules
            nextRescan = clock()
            statusNote = nil
            logger.info("reloaded")
        } catch {
            statusNote = "reload failed, previous configuration in force: \(error)"
            logger.error("reload failed; the previous configuration and rules stay in force: \(error)")
        }
        notifier.ready(status: statusLine())
    }

    // MARK: - Taking files

    /// At most this many files are stored in one transaction.
    static let batchFileLimit = 32
    /// A batch stops growing once its files hold this many bytes (one larger file is fine).
    static let batchByteLimit = 2 << 20

    /// Advances the batches: stores and files the batch prepared on other threads (after
    /// starting to prepare the next one, so that analysis and the write overlap), or, when
    /// none is in flight, gathers one. A batch is one file when one is waiting, and up to
    /// `batchFileLimit` files or `batchByteLimit` bytes when a backlog has built up; it is
    /// stored in one transaction (each bulletin still all or nothing), then each file is archived or
    /// quarantined and logged on its own line.
    private func takeFiles(gatherMore: Bool = true) {
        intake.pauseOver()  // called once any pause has passed; a failure below pauses again
        guard let current = preparing else {
            preparing = gatherBatch(excluding: [])
            return
        }
        preparing = nil
        let prepared = current.wait()
        if gatherMore, intake.pausedUntil == nil {
            preparing = gatherBatch(excluding: current.names)
        }
        do {
            let outcomes = try current.inputs.isEmpty ? [] : pipeline.store(prepared.get())
            if current.inputs.count > 1 {
                logger.debug("took \(current.inputs.count) files in one transaction", metadata: [
                    "batch_bytes": "\(current.inputs.reduce(0) { $0 + $1.data.count })",
                ])
            }
            indexUntidy = true
            if let failure = file(current, outcomes: outcomes) {
                retryLater(failure.name, failure.error)
            } else if intake.pausedUntil == nil {
                recovered()
            }
        } catch {
            // Nothing of the batch was stored: every file stays in the inbox.
            current.inputs.forEach { intake.requeue($0.fileName) }
            retryLater(current.inputs[0].fileName, error)
        }
        notifier.status(statusLine())
    }

    /// Reads the next files of the queue (skipping `excluded` names, which are being handled)
    /// and starts preparing them; nil when none is left to analyse. Files gone, left alone, too
    /// large or unreadable are dealt with here. A file's own passing trouble makes that file
    /// wait (its own backoff) and the batch goes on with the next; trouble that concerns every
    /// file puts the file back in the queue, ends the batch and pauses taking files.
    private func gatherBatch(excluding excluded: Set<String>) -> InFlightBatch? {
        // Opened per batch, not held: an open descriptor would keep a removed inbox alive and
        // delay the inotify event that tells it is gone.
        let inboxFD = open(configuration.inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inboxFD >= 0 else {
            if rewatchAt == nil {
                logger.warning("cannot open the inbox \(configuration.inbox): \(String(cString: strerror(errno))); recreating and watching it again")
                rewatchAt = clock()
            }
            return nil
        }
        defer { close(inboxFD) }
        var inputs: [PipelineInput] = []
        var started: [Date] = []
        var heldBack: [String] = []
        var hashes = Set<String>()
        var bytes = 0
        while inputs.count < Self.batchFileLimit, bytes < Self.batchByteLimit, let name = intake.next() {
            if excluded.contains(name) { continue }
            if let wedgeName, name == wedgeName {
                logger.critical("BULLETIND_TEST_WEDGE: blocking forever on \(name) (test-only)")
                while true { sleep(3600) }
            }
            let began = clock()
            do {
                guard let data = try readFile(name, from: inboxFD, started: began) else { continue }
                let input = PipelineInput(fileName: name, data: data, receivedAt: clock())
                // The same content twice in one batch: the copy waits for the next batch,
                // where it is a duplicate of a bulletin stored and filed.
                guard hashes.insert(input.contentHash).inserted else {
                    heldBack.append(name)
                    continue
                }
                inputs.append(input)
                started.append(began)
                bytes += data.count
            } catch where Intake.scope(ofReadFailure: error) == .file {
                fileWaits(name, reason: "\(error)")
            } catch {
                intake.requeue(name)
                retryLater(name, error)
                break
            }
        }
        heldBack.forEach { intake.requeue($0) }
        guard !inputs.isEmpty else {
            if intake.pausedUntil == nil { recovered() }
            notifier.status(statusLine())
            return nil
        }
        return InFlightBatch(inputs: inputs, started: started, pipeline: pipeline,
                             inline: inputs.count == 1 && !intake.hasQueued && excluded.isEmpty)
    }

    /// One short step of merging the full-text index while idle, so that the commits storing
    /// the next bulletins have little merging of their own to do (a file arriving meanwhile
    /// waits for one step at most). Steps go on, one per turn of the loop, until one finds
    /// nothing to merge.
    private func tidyIndex() {
        do {
            indexUntidy = try pipeline.store.tidyIndex()
        } catch {
            indexUntidy = false
            logger.debug("merging the full-text index while idle failed: \(error)")
        }
    }

    /// Files were taken without trouble that concerns every file: end any pause.
    private func recovered() {
        if intake.flowing() {
            logger.notice("taking files again after a transient failure")
            statusNote = nil
        }
    }

    /// Reads one inbox file; nil when there is nothing to analyse (gone, left alone,
    /// quarantined for its size or because it may not be read, or waiting: it may not be read
    /// and could not be quarantined). Throws what `InboxFile.take` throws, and a failure to
    /// quarantine a file too large (the quarantine not writable: trouble for every file).
    private func readFile(_ name: String, from inboxFD: Int32, started: Date) throws -> Data? {
        let result = try InboxFile.take(name: name, directoryFD: inboxFD, maxFileSize: configuration.maxFileSize)
        if case .unreadable = result {} else { intake.fileTaken(name) }
        switch result {
        case .vanished:
            logger.info("\(name) was removed by its sender before it was read", metadata: ["bulletin_file": "\(name)"])
        case .leftAlone(let reason):
            if leftAlone.insert(name).inserted {
                logger.notice("leaving \(name) alone: \(reason)", metadata: ["bulletin_file": "\(name)"])
            }
        case .oversize(let size):
            let reason = "larger than max_file_size (\(size) bytes > \(configuration.maxFileSize)); not read"
            try quarantine(name, from: inboxFD, reason: reason, started: started)
            lastFile = name
        case .unreadable(let reason):
            // The file's own fault: quarantined with the reason. A rename, which needs only
            // write permission on the inbox; if even that fails, the file waits on its own.
            do {
                try quarantine(name, from: inboxFD, reason: reason, started: started)
                intake.fileTaken(name)
                lastFile = name
            } catch {
                fileWaits(name, reason: "\(reason); cannot quarantine it either: \(error)")
            }
        case .contents(let data):
            leftAlone.remove(name)
            return data
        }
        return nil
    }

    /// `name` cannot be taken now for a reason of its own: it stays in the inbox and waits out
    /// its own backoff while every other file is taken. Logged once per run of failures.
    private func fileWaits(_ name: String, reason: String) {
        let (delay, first) = intake.fileFailed(name, reason: reason, at: clock())
        if first {
            logger.error("leaving \(name) in the inbox for now, the other files go on: \(reason)", metadata: [
                "bulletin_file": "\(name)", "outcome": "waiting", "reason": "\(reason)",
            ])
        } else {
            logger.debug("\(name) still cannot be taken; next try in \(Int(delay)) s")
        }
    }

    /// After the commit: archives or quarantines each file of the batch and logs it, then
    /// records the archived ones as filed (one transaction). A file that cannot be moved
    /// stays in the inbox and is queued again; the first such failure is returned.
    ///
    /// The durable order (docs/RELIABILITY.md): the commit that accounts for the batch is
    /// durable before this runs (`synchronous = FULL`); each file's new name is made durable
    /// (its destination folder fsynced) before its name in the inbox is removed, and the inbox
    /// is fsynced after, file by file: another process may fsync the inbox at any moment (a
    /// sender dropping the safe way does), so a removal made before the destination's fsync
    /// could become durable first — the power-cut scenario lost files that way when the folders
    /// were synced once per batch. The filing is recorded only after all of it.
    private func file(_ batch: InFlightBatch, outcomes: [PipelineOutcome]) -> (name: String, error: Error)? {
        let inboxFD = open(configuration.inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inboxFD >= 0 else {
            // Stored but not moved: taken again later, each is filed without being counted.
            batch.inputs.forEach { intake.requeue($0.fileName) }
            return (batch.inputs[0].fileName, POSIXFailure(operation: "open", path: configuration.inbox))
        }
        defer { close(inboxFD) }
        let started = batch.started
        let archive = Archive(root: configuration.archive, calendar: calendar)
        var filed: [Int64] = []
        var failure: (name: String, error: Error)?
        for (index, outcome) in outcomes.enumerated() {
            let input = batch.inputs[index]
            let name = input.fileName
            func archiveFile() throws {
                try archive.file(name: name, from: inboxFD, receivedAt: input.receivedAt)
            }
            do {
                switch outcome {
                case .stored(let id, let articles, let newArticles, let topics):
                    try archiveFile()
                    filed.append(id)
                    articlesToday += newArticles
                    summaryDue = (input.receivedAt.addingTimeInterval(max(configuration.summaryDebounce, 0)), input.receivedAt)
                    logger.info("archived \(name)", metadata: [
                        "bulletin_file": "\(name)", "outcome": "stored", "articles": "\(articles)",
                        "new_articles": "\(newArticles)", "topics": "\(topics.joined(separator: ","))",
                        "duration_ms": "\(milliseconds(since: started[index]))",
                    ])
                case .duplicate:
                    try archiveFile()
                    logger.info("archived \(name) (duplicate of a bulletin already stored)", metadata: [
                        "bulletin_file": "\(name)", "outcome": "duplicate",
                        "duration_ms": "\(milliseconds(since: started[index]))",
                    ])
                case .awaitingFiling(let id):
                    try archiveFile()
                    filed.append(id)
                    logger.info("archived \(name) (stored before the last stop; not counted again)", metadata: [
                        "bulletin_file": "\(name)", "outcome": "stored-earlier",
                        "duration_ms": "\(milliseconds(since: started[index]))",
                    ])
                case .rejected(let reason):
                    try quarantine(name, from: inboxFD, reason: reason, started: started[index])
                }
                lastFile = name
            } catch {
                // Stored but not moved: taken again later, it is filed without being counted.
                intake.requeue(name)
                if failure == nil { failure = (name, error) }
            }
        }
        // Each move above is durable when it returns (destination, unlink, inbox).
        markFiled(filed)
        return failure
    }

    /// Trouble that concerns every file: the file stays in the inbox and taking files pauses
    /// (backoff).
    private func retryLater(_ name: String, _ error: Error) {
        let (delay, first) = intake.pause(because: name, at: clock())
        if first {
            logger.error("cannot take \(name) now, will retry: \(error)", metadata: [
                "bulletin_file": "\(name)", "outcome": "retry",
            ])
        }
        statusNote = "retrying \(name) in \(Int(delay)) s: \(error)"
    }

    /// After the moves out of the inbox. A failure here loses nothing: the files are archived,
    /// and the same content arriving later would be filed without being counted once.
    private func markFiled(_ bulletinIDs: [Int64]) {
        do {
            try pipeline.markFiled(bulletinIDs: bulletinIDs)
        } catch {
            logger.warning("archived \(bulletinIDs.count) file(s) but could not record them as filed: \(error)")
        }
    }

    private func quarantine(_ name: String, from inboxFD: Int32, reason: String, started: Date) throws {
        try Quarantine(root: configuration.quarantine)
            .file(name: name, from: inboxFD, originalPath: "\(configuration.inbox)/\(name)", reason: reason,
                  at: clock())
        logger.warning("quarantined \(name): \(reason)", metadata: [
            "bulletin_file": "\(name)", "outcome": "rejected", "reason": "\(reason)",
            "duration_ms": "\(milliseconds(since: started))",
        ])
    }

    private func publishSummary(for day: Date) {
        do {
            try hooks.publishSummary(day)
        } catch {
            logger.error("writing the summary failed: \(error)")
        }
    }

    private func milliseconds(since start: Date) -> Int {
        Int((clock().timeIntervalSince(start) * 1000).rounded())
    }

    /// `watching /var/lib/bulletind/inbox · 1,234 articles today · last: 2026-11-29-digest.txt`
    private func statusLine() -> String {
        var parts = ["watching \(configuration.inbox)", "\(Self.grouped(articlesToday)) articles today"]
        if let lastFile { parts.append("last: \(lastFile)") }
        if let statusNote { parts.append(statusNote) }
        if let waiting = intake.waitingNote { parts.append(waiting) }
        return parts.joined(separator: " · ")
    }

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
