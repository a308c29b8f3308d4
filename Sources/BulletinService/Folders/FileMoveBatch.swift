#if canImport(Glibc)
import Glibc
#endif

/// Several files moved out of one source folder together, in the durable order of a single
/// move (docs/RELIABILITY.md, "Durable order") but with the folder fsyncs shared: every file
/// first gets its new name (`place`, which never overwrites: `FileMover`'s link, rename or
/// copy to a free name), then `finish` fsyncs each destination folder once, removes the
/// source names, and fsyncs the source folder once. N files into one day folder cost two
/// folder fsyncs instead of 2N.
///
/// What a caller may rely on:
/// - No source name is removed before the file's new name is durable (its destination folder
///   fsynced), whoever fsyncs the source folder meanwhile. A power cut at any point leaves each
///   file in the source, or under both names (the same inode, which the next move of that name
///   recognises and finishes), or moved: never lost, never moved twice.
/// - A file whose `place` throws is left where it was; the others go on. A file whose source
///   name cannot be removed in `finish` loses its new name again and is reported there; the
///   others are moved.
/// - Every file `place` accepted is moved durably (both folders fsynced) when `finish` returns.
///
/// Used from one thread. Call `finish` once, after the last `place`; the folders it opened are
/// closed then (or when the batch is dropped).
final class FileMoveBatch {
    private let sourceFD: Int32
    /// The destination folders opened so far, by path.
    private var folders: [String: Int32] = [:]
    /// The files given their new name, waiting for `finish`.
    private var placed: [(name: String, candidate: String, folder: String)] = []
    /// Whether some placement changed the source folder (a rename): it needs its fsync.
    private var sourceChanged = false

    /// `sourceFD`: the source folder, open; it stays the caller's to close.
    init(sourceFD: Int32) {
        self.sourceFD = sourceFD
    }

    deinit {
        closeFolders()
    }

    /// One file moved on its own, durably when this returns: `place` gives `name` its new name
    /// in a batch of its own (and returns what the caller wants back), then the batch finishes.
    /// Throws what `place` throws, or the failure to remove the source name; the file then stays
    /// where it was.
    static func moveOne<Placed>(_ name: String, from sourceFD: Int32,
                                _ place: (FileMoveBatch) throws -> Placed) throws -> Placed {
        let batch = FileMoveBatch(sourceFD: sourceFD)
        let placed = try place(batch)
        if let failure = batch.finish()[name] { throw failure }
        return placed
    }

    /// Whether `destination` is already a folder of this batch (it exists: a file was placed
    /// there), so that a caller can skip creating it.
    func hasFolder(_ destination: String) -> Bool {
        folders[destination] != nil
    }

    /// Gives `name` a new name in `destination` (which must exist): `name` itself or the next
    /// free `NAME.N` (`FileMover.numbered`) that `isFree` accepts. Returns the name used. The
    /// move is complete only after `finish`. A file already under a candidate name (the same
    /// inode: a move a power cut interrupted) keeps that name.
    /// Throws `POSIXFailure`; the file then stays where it was.
    func place(name: String, to destination: String, isFree: (String) -> Bool = { _ in true }) throws -> String {
        let destFD = try folder(destination)
        for attempt in 0..<100_000 {
            let candidate = FileMover.numbered(name, attempt)
            if FileMover.isSameFile(name, in: sourceFD, as: candidate, in: destFD) {
                placed.append((name, candidate, destination))
                return candidate
            }
            guard isFree(candidate) else { continue }
            switch try FileMover.place(name, from: sourceFD, as: candidate, in: destFD, destination: destination) {
            case .taken:
                continue
            case .linked:
                placed.append((name, candidate, destination))
                return candidate
            case .renamed:
                // The source name is already gone: the new one is made durable at once, as a
                // single move does (a rename cannot wait for the batch's sync of its folder).
                fsync(destFD)
                sourceChanged = true
                return candidate
            }
        }
        throw POSIXFailure(operation: "move to \(destination)", path: name, code: EEXIST)
    }

    /// Makes the new names durable (each destination folder fsynced once), then removes the
    /// source names and fsyncs the source folder once. Returns the files that stay in the
    /// source after all (their source name could not be removed; their new name was removed
    /// again), by name, with the failure.
    @discardableResult
    func finish() -> [String: POSIXFailure] {
        defer { closeFolders() }
        var failures: [String: POSIXFailure] = [:]
        guard !placed.isEmpty || sourceChanged else { return failures }
        let used = Set(placed.map(\.folder))
        for (path, fd) in folders where used.contains(path) { fsync(fd) }
        for file in placed {
            if unlinkat(sourceFD, file.name, 0) == 0 || errno == ENOENT {
                sourceChanged = true
                continue
            }
            failures[file.name] = POSIXFailure(operation: "unlink after moving to \(file.folder)", path: file.name)
            if let destFD = folders[file.folder] { unlinkat(destFD, file.candidate, 0) }
        }
        placed = []
        if sourceChanged { fsync(sourceFD) }
        sourceChanged = false
        return failures
    }

    private func folder(_ destination: String) throws -> Int32 {
        if let fd = folders[destination] { return fd }
        let fd = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXFailure(operation: "open folder", path: destination) }
        folders[destination] = fd
        return fd
    }

    private func closeFolders() {
        for fd in folders.values { close(fd) }
        folders = [:]
    }
}
