#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Moves a file between folders without ever overwriting anything at the destination.
///
/// The move is link(2) to a free name, then unlink(2) of the source: the kernel refuses an
/// existing name atomically (EEXIST), so two movers can never clobber each other. Where the
/// link is refused (EPERM: fs.protected_hardlinks and a file of another user that the mover
/// may not write, or may not even read) it is renameat2(2) with RENAME_NOREPLACE, which
/// refuses an existing name the same way and needs only write permission on the two folders. Across file
/// systems (EXDEV) the file is copied to a name created with O_EXCL, fsynced, then the source
/// is unlinked. A clash NAME → NAME.1, NAME.2, … inserted before the extension
/// (`digest.txt` → `digest.1.txt`).
///
/// Power cuts (docs/RELIABILITY.md, "Durable order"): a move is durable once the destination
/// folder and then the source folder are fsynced, in that order: a cut before both leaves the
/// file in the source; a cut between the two leaves it under both names (the same inode), which
/// the next move of that name recognises (the destination already holds the very same file:
/// only the source name is removed), so the file is never lost and never filed twice.
/// `FileMoveBatch` moves several files in that order with one fsync per folder.
enum FileMover {
    /// Moves `name` out of the folder open as `sourceFD` into `destination` (which must exist).
    /// `isFree` may veto a candidate name (e.g. when its sidecar exists). Returns the name used.
    /// The move is durable when this returns (destination folder fsynced before the source name
    /// is removed, then the source folder): a `FileMoveBatch` of one file. To move several files
    /// with one fsync per folder, use `FileMoveBatch` itself, which keeps the same order.
    static func move(name: String, from sourceFD: Int32, to destination: String,
                     isFree: (String) -> Bool = { _ in true }) throws -> String {
        try FileMoveBatch.moveOne(name, from: sourceFD) { try $0.place(name: name, to: destination, isFree: isFree) }
    }

    /// Moves `name` to exactly `candidate` in `destination`; false (nothing moved) when that
    /// name is taken by another file. True also when `candidate` already is this very file
    /// (a move cut short by a power cut): the source name is then removed.
    static func move(name: String, from sourceFD: Int32, to destination: String, as candidate: String,
                     ) throws -> Bool {
        let destFD = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard destFD >= 0 else { throw POSIXFailure(operation: "open folder", path: destination) }
        defer { close(destFD) }
        if !isSameFile(name, in: sourceFD, as: candidate, in: destFD) {
            switch try place(name, from: sourceFD, as: candidate, in: destFD, destination: destination) {
            case .taken:
                return false
            case .linked:
                break
            case .renamed:
                fsync(destFD)
                fsync(sourceFD)
                return true
            }
        }
        try finish(name, from: sourceFD, as: candidate, to: destFD, destination: destination)
        return true
    }

    /// Whether `candidate` in the destination is the same inode as `name` in the source.
    static func isSameFile(_ name: String, in sourceFD: Int32, as candidate: String, in destFD: Int32) -> Bool {
        var source = stat(), target = stat()
        guard fstatat(sourceFD, name, &source, AT_SYMLINK_NOFOLLOW) == 0,
              fstatat(destFD, candidate, &target, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return source.st_dev == target.st_dev && source.st_ino == target.st_ino
    }

    /// What `place` did: the name was taken (nothing done); the file got the new name beside
    /// the old one (a hard link or a copy: `finish` removes the old name); or it was renamed
    /// (the old name is already gone).
    enum Placement { case taken, linked, renamed }

    /// Gives the file the name `candidate` in the destination: a hard link; a rename when
    /// fs.protected_hardlinks refuses the link (another user's file the mover may not both read
    /// and write, e.g. a drop-group member's 0600 file); a copy across file systems.
    static func place(_ name: String, from sourceFD: Int32, as candidate: String, in destFD: Int32,
                      destination: String) throws -> Placement {
        if linkat(sourceFD, name, destFD, candidate, 0) == 0 { return .linked }
        var failure = errno
        if failure == EPERM {
            switch renameWithoutReplacing(from: sourceFD, name, to: destFD, candidate) {
            case 0: return .renamed
            case EEXIST: return .taken
            case EINVAL, ENOSYS: break  // no RENAME_NOREPLACE here: copy, as before
            case let code: failure = code
            }
        }
        switch failure {
        case EEXIST:
            return .taken
        case EXDEV, EPERM, EOPNOTSUPP:
            // Another file system, or one without hard links: copy under an exclusive name.
            return try copy(name: name, from: sourceFD, to: destFD, as: candidate, destination: destination) ? .linked : .taken
        default:
            throw POSIXFailure(operation: "move to \(destination)", path: name, code: failure)
        }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc's renameat2(2), which the Glibc module does not export (it is behind _GNU_SOURCE).
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    private static let renameNoReplace: UInt32 = 1  // RENAME_NOREPLACE

    /// renameat2(…, RENAME_NOREPLACE): 0 on success, else the errno (ENOSYS without renameat2).
    private static func renameWithoutReplacing(from sourceFD: Int32, _ name: String, to destFD: Int32,
                                               _ candidate: String) -> Int32 {
        guard let renameat2 else { return ENOSYS }
        return renameat2(sourceFD, name, destFD, candidate, renameNoReplace) == 0 ? 0 : errno
    }

    /// The file has its new name: the destination folder is made durable first, then the source
    /// name is removed and the source folder made durable.
    /// When the source name cannot be removed, the new name is removed again (the file stays
    /// where it was) and the failure thrown.
    private static func finish(_ name: String, from sourceFD: Int32, as candidate: String, to destFD: Int32,
                               destination: String) throws {
        fsync(destFD)
        guard unlinkat(sourceFD, name, 0) == 0 || errno == ENOENT else {
            let failure = POSIXFailure(operation: "unlink after moving to \(destination)", path: name)
            unlinkat(destFD, candidate, 0)
            throw failure
        }
        fsync(sourceFD)
    }

    /// `digest.txt`, `digest.1.txt`, `digest.2.txt`…; `notes` → `notes.1`.
    static func numbered(_ name: String, _ attempt: Int) -> String {
        guard attempt > 0 else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot]).\(attempt)\(name[dot...])"
        }
        return "\(name).\(attempt)"
    }

    /// Copies to a newly created `candidate`; false when that name is taken.
    private static func copy(name: String, from sourceFD: Int32, to destFD: Int32, as candidate: String,
                             destination: String) throws -> Bool {
        let input = openat(sourceFD, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw POSIXFailure(operation: "open", path: name) }
        defer { close(input) }
        let output = openat(destFD, candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard output >= 0 else {
            if errno == EEXIST { return false }
            throw POSIXFailure(operation: "create", path: "\(destination)/\(candidate)")
        }
        var done = false
        defer {
            close(output)
            if !done { unlinkat(destFD, candidate, 0) }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFailure(operation: "read", path: name)
            }
            if n == 0 { break }
            var offset = 0
            while offset < n {
                let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, n - offset) }
                if w < 0 {
                    if errno == EINTR { continue }
                    throw POSIXFailure(operation: "write", path: "\(destination)/\(candidate)")
                }
                offset += w
            }
        }
        guard fsync(output) == 0 else { throw POSIXFailure(operation: "fsync", path: "\(destination)/\(candidate)") }
        done = true
        return true
    }
}
