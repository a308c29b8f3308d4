import Foundation
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
enum FileMover {
    /// Moves `name` out of the folder open as `sourceFD` into `destination` (which must exist).
    /// `isFree` may veto a candidate name (e.g. when its sidecar exists). Returns the name used.
    /// With `syncing` false the two folders are not fsynced: a caller moving many files syncs
    /// each folder once afterwards (`Directories.sync`) before relying on the moves.
    static func move(name: String, from sourceFD: Int32, to destination: String, syncing: Bool = true,
                     isFree: (String) -> Bool = { _ in true }) throws -> String {
        let destFD = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard destFD >= 0 else { throw POSIXFailure(operation: "open folder", path: destination) }
        defer { close(destFD) }
        for attempt in 0..<100_000 {
            let candidate = numbered(name, attempt)
            guard isFree(candidate) else { continue }
            if linkat(sourceFD, name, destFD, candidate, 0) == 0 {
                guard unlinkat(sourceFD, name, 0) == 0 || errno == ENOENT else {
                    let failure = POSIXFailure(operation: "unlink after moving", path: name)
                    unlinkat(destFD, candidate, 0)
                    throw failure
                }
                if syncing {
                    fsync(destFD)
                    fsync(sourceFD)
                }
                return candidate
            }
            var failure = errno
            if failure == EPERM {
                // fs.protected_hardlinks refuses a link to another user's file that the mover
                // may not both read and write (a drop-group member's 0640 or 0600 file): rename
                // it instead, still never over an existing name.
                switch renameWithoutReplacing(from: sourceFD, name, to: destFD, candidate) {
                case 0:
                    if syncing {
                        fsync(destFD)
                        fsync(sourceFD)
                    }
                    return candidate
                case EEXIST: continue
                case EINVAL, ENOSYS: break  // no RENAME_NOREPLACE here: copy, as before
                case let code: failure = code
                }
            }
            switch failure {
            case EEXIST:
                continue
            case EXDEV, EPERM, EOPNOTSUPP:
                // Another file system, or one without hard links: copy under an exclusive name.
                if try copy(name: name, from: sourceFD, to: destFD, as: candidate, destination: destination) {
                    unlinkat(sourceFD, name, 0)
                    fsync(destFD)
                    return candidate
                }
            default:
                throw POSIXFailure(operation: "move to \(destination)", path: name, code: failure)
            }
        }
        throw POSIXFailure(operation: "move to \(destination)", path: name, code: EEXIST)
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
