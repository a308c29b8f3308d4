import Foundation
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
    /// Throws `POSIXFailure` only for trouble worth retrying (I/O error, out of descriptors).
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
