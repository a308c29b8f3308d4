#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reads the next files of the `Intake` into a batch and starts preparing it (`InFlightBatch`).
/// A batch is one file when one is waiting, and up to `fileLimit` files or `byteLimit` bytes when
/// a backlog has built up. Files gone, left alone, too large or unreadable are dealt with here:
/// a file's own passing trouble makes that file wait (its own backoff) and the batch goes on with
/// the next; trouble that concerns every file puts the file back in the queue, ends the batch and
/// is returned for the daemon to pause.
struct BatchReader {
    /// At most this many files are stored in one transaction. 16 rather than 32: two batches
    /// are in memory at once (one stored, the next prepared), and the memory the smaller ones
    /// save at the daemon's peak pays for the writer's larger page cache
    /// (`Store.writerCacheKiB`), which saves far more reading than the larger batches saved
    /// commits (docs/PERFORMANCE.md, "Throughput, eighth round").
    static let fileLimit = 16
    /// A batch stops growing once its files hold this many bytes (one larger file is fine).
    static let byteLimit = 2 << 20

    struct Gathered {
        var batch: InFlightBatch?
        /// Trouble that concerns every file, met on `name`: the daemon pauses taking files.
        var trouble: (name: String, error: any Error)?
    }

    let filing: Filing
    /// Test-only (`DaemonOptions.beforeTaking`): called with each name before its file is read.
    let beforeTaking: (@Sendable (String) -> Void)?

    private var configuration: Configuration { filing.configuration }
    private var events: EventSink { filing.events }

    /// Reads the next files of the queue, skipping `excluded` (names being handled).
    func gather(excluding excluded: Set<String>, intake: inout Intake, monitor: inout InboxMonitor) -> Gathered {
        // Opened per batch, not held: an open descriptor would keep a removed inbox alive and
        // delay the inotify event that tells it is gone.
        let inboxFD = open(configuration.inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inboxFD >= 0 else {
            monitor.lost(now: events.clock(), events: events)
            return Gathered()
        }
        defer { close(inboxFD) }
        var result = Gathered()
        var inputs: [PipelineInput] = []
        var started: [Date] = []
        var heldBack: [String] = []
        /// The batch's inputs by size, to find the same content twice by its bytes (the content
        /// hash is computed later, on the threads that prepare the batch).
        var bySize: [Int: [Int]] = [:]
        var bytes = 0
        while inputs.count < Self.fileLimit, bytes < Self.byteLimit, let name = intake.next() {
            if excluded.contains(name) { continue }
            beforeTaking?(name)
            let began = events.clock()
            do {
                guard let data = try read(name, from: inboxFD, started: began, intake: &intake, monitor: &monitor) else { continue }
                // Prepared once (a retry reads the file again): its bytes go once decoded.
                var input = PipelineInput(fileName: name, data: data, receivedAt: events.clock(), releasesData: true)
                input.arrival = Self.arrival(of: name, in: inboxFD)
                // The same content twice in one batch: the copy waits for the next batch,
                // where it is a duplicate of a bulletin stored and filed.
                if let same = bySize[data.count], same.contains(where: { inputs[$0].data == data }) {
                    heldBack.append(name)
                    continue
                }
                bySize[data.count, default: []].append(inputs.count)
                inputs.append(input)
                started.append(began)
                bytes += data.count
            } catch where Intake.scope(ofReadFailure: error) == .file {
                fileWaits(name, reason: "\(error)", intake: &intake)
            } catch {
                intake.requeue(name)
                result.trouble = (name, error)
                break
            }
        }
        heldBack.forEach { intake.requeue($0) }
        if !inputs.isEmpty {
            result.batch = InFlightBatch(inputs: inputs, started: started, pipeline: filing.pipeline,
                                         inline: inputs.count == 1 && !intake.hasQueued && excluded.isEmpty)
        }
        return result
    }

    /// One inbox file's bytes; nil when there is nothing to analyse (gone, left alone,
    /// quarantined for its size or because it may not be read, or waiting: it may not be read
    /// and could not be quarantined). Throws what `InboxFile.take` throws, and a failure to
    /// quarantine a file too large (the quarantine not writable: trouble for every file).
    private func read(_ name: String, from inboxFD: Int32, started: Date,
                      intake: inout Intake, monitor: inout InboxMonitor) throws -> Data? {
        let result = try InboxFile.take(name: name, directoryFD: inboxFD, maxFileSize: configuration.maxFileSize)
        if case .unreadable = result {} else { _ = intake.fileTaken(name) }
        switch result {
        case .vanished:
            events.report(.vanished(name: name))
        case .leftAlone(let reason):
            if monitor.leaveAlone(name) { events.report(.leftAlone(name: name, reason: reason)) }
        case .oversize(let size):
            let reason = "larger than max_file_size (\(size) bytes > \(configuration.maxFileSize)); not read"
            try filing.quarantine(name, from: inboxFD, cause: .tooLarge, reason: reason, started: started)
        case .unreadable(let reason):
            // The file's own fault: quarantined with the reason. A rename, which needs only
            // write permission on the inbox; if even that fails, the file waits on its own.
            do {
                try filing.quarantine(name, from: inboxFD, cause: .unreadable, reason: reason, started: started)
                _ = intake.fileTaken(name)
            } catch {
                fileWaits(name, reason: "\(reason); cannot quarantine it either: \(error)", intake: &intake)
            }
        case .contents(let data):
            monitor.taken(name)
            return data
        }
        return nil
    }

    /// What tells this file apart from a later arrival of the same content under the same name
    /// (`IncomingBulletin.arrival`): its name, device, inode and modification time, which stay
    /// the same while it waits in the inbox (across retries and restarts of the daemon).
    static func arrival(of name: String, in inboxFD: Int32) -> String? {
        var info = stat()
        guard fstatat(inboxFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return "\(name)|\(info.st_dev):\(info.st_ino)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// `name` cannot be taken now for a reason of its own: it waits out its own backoff while
    /// every other file is taken. Reported once per run of failures.
    private func fileWaits(_ name: String, reason: String, intake: inout Intake) {
        let (_, first) = intake.fileFailed(name, reason: reason, at: events.clock())
        if first { events.report(.fileWaiting(name: name, reason: reason)) }
    }
}
