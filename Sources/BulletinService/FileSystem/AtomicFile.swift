#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see either the old content or the new, never a mix,
/// and a crash leaves one of the two: temp file in the same folder, fsync, rename(2), fsync
/// of the folder. (FileManager.replaceItemAt lost data on Linux.)
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, permissions: mode_t = 0o640) throws {
        let dir = PathText.deletingLastComponent(path)
        let tmp = "\(dir.isEmpty ? "." : dir)/.\(PathText.lastComponent(path)).\(getpid()).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard fd >= 0 else { throw POSIXFailure(operation: "create", path: tmp) }
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw POSIXFailure(operation: "write", path: tmp)
                    }
                    offset += n
                }
            }
            fchmod(fd, permissions)
            guard fsync(fd) == 0 else { throw POSIXFailure(operation: "fsync", path: tmp) }
        }
        guard rename(tmp, path) == 0 else { throw POSIXFailure(operation: "rename", path: path) }
        ok = true
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
