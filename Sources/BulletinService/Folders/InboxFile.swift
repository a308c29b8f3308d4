#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Opening and reading one file of the inbox, safely against what a sender may put there.
///
/// Symbolic links are never followed, FIFOs, sockets and devices are never opened for
/// reading (so nothing blocks), directories are left alone (sub-folders are not descended
/// into), and a regular file's size is checked before any byte is read. Nothing is deleted.
public enum InboxFile {
    /// Takes the file `name` in the directory open as `directoryFD`.
    /// A file the daemon may not open (EACCES, EPERM on the file itself) is `.unreadable`, with
    /// a reason that names the permission problem: it will not pass on its own.
    /// Throws `POSIXFailure` only for trouble worth retrying: an I/O error reading the file, a
    /// mandatory lock (both concern this file), out of descriptors or memory, or the inbox not
    /// searchable (these concern every file; see `Intake.scope(ofReadFailure:)`).
    public static func take(name: String, directoryFD: Int32, maxFileSize: Int) throws -> InboxFileResult {
        var info = stat()
        guard fstatat(directoryFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return .vanished }
            throw POSIXFailure(operation: "stat", path: name)
        }
        if let reason = notRegular(info.st_mode) { return .leftAlone(reason: reason) }

        let fd = openat(directoryFD, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .vanished
            case ELOOP: return .leftAlone(reason: "a symbolic link (never followed)")
            case ENXIO: return .leftAlone(reason: "a socket")
            case EACCES, EPERM: return .unreadable(reason: permissionReason(errno: errno, info))
            default: throw POSIXFailure(operation: "open", path: name)
            }
        }
        defer { close(fd) }
        // The name may have been replaced between fstatat and openat: check what was opened.
        guard fstat(fd, &info) == 0 else { throw POSIXFailure(operation: "stat", path: name) }
        if let reason = notRegular(info.st_mode) { return .leftAlone(reason: reason) }
        let size = Int(info.st_size)
        if size > maxFileSize { return .oversize(size: size) }

        // Read at most one byte past the limit, in case the file grew since fstat.
        var data = Data(count: size + 1)
        var total = 0
        while total <= maxFileSize {
            if total == data.count { data.count = min(data.count * 2, maxFileSize + 1) }
            let n = data.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + total, raw.count - total)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw POSIXFailure(operation: "read", path: name)
            }
            if n == 0 { break }
            total += n
        }
        if total > maxFileSize { return .oversize(size: total) }
        data.count = total
        return .contents(data)
    }

    /// `cannot be read by the daemon: open: Permission denied (mode 0600, owner uid 1001 gid
    /// 1002; the daemon runs as uid 999 gid 999)`.
    static func permissionReason(errno code: Int32, _ info: stat) -> String {
        let mode = String(info.st_mode & 0o7777, radix: 8)
        let padded = String(repeating: "0", count: max(0, 4 - mode.count)) + mode
        return "cannot be read by the daemon: open: \(String(cString: strerror(code))) (mode \(padded), "
            + "owner uid \(info.st_uid) gid \(info.st_gid); the daemon runs as uid \(geteuid()) gid \(getegid()))"
    }

    private static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link (never followed)"
        case S_IFDIR: return "a folder (sub-folders are not watched nor descended into)"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }
}
