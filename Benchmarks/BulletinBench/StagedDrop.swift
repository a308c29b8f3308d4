import Foundation

/// Files written beforehand into a staging folder beside the inboxes (the same file system), then
/// renamed into them as fast as possible: a burst's timed window holds the renames only.
///
/// This is how a producer delivers complete files (a mail system's delivery, `mv`, an rsync
/// that renames its temporary file): writing the bytes is the producer's work, done before the
/// file appears under its name. Timing the writing with the daemon's work would charge the
/// daemon for the bench's own disk writes on the same two cores, while the true floor it is
/// compared with is timed alone. The daemon and the Python peer are dropped the same way.
struct StagedDrop {
    let folder: String
    private(set) var names: [String] = []
    private(set) var bytes = 0

    /// An empty staging folder `folder` (created).
    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The corpus's files staged under their own names.
    init(corpus: PreparedCorpus, folder: String) throws {
        try self.init(folder: folder)
        for (file, data) in zip(corpus.files, corpus.data) {
            try stage(data, name: (file as NSString).lastPathComponent)
        }
    }

    /// Writes one more file (not yet in any inbox).
    mutating func stage(_ data: Data, name: String) throws {
        try data.write(to: URL(fileURLWithPath: folder + "/" + name))
        names.append(name)
        bytes += data.count
    }

    /// Renames every staged file into `inboxes`, dealt in turn (one inbox: all of them), in the
    /// order they were staged. Returns the monotonic time just before the first rename.
    @discardableResult
    func renameAll(into inboxes: [String]) throws -> UInt64 {
        precondition(!inboxes.isEmpty)
        let start = Stopwatch.now()
        for (index, name) in names.enumerated() {
            guard rename(folder + "/" + name, inboxes[index % inboxes.count] + "/" + name) == 0 else {
                throw BenchFailure("rename of \(name) into the inbox: \(String(cString: strerror(errno)))")
            }
        }
        return start
    }
}
