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
    /// Writes `bytes` (`Data`, or an array of bytes as it was built: no copy into `Data` first).
    public static func write(_ bytes: some ContiguousBytes, to path: String, permissions: mode_t = 0o640) throws {
        try replace(path, permissions: permissions) { fd, tmp in
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                try writeAll(fd, raw, path: tmp)
            }
        }
    }

    /// Bytes gathered before each write(2) of `write(to:permissions:_:)`.
    static let chunkSize = 64 << 10

    /// The same, with the content handed piece by piece to the closure `produce` is given (the
    /// file holds the pieces' UTF-8 in order): gathered into chunks of `chunkSize` bytes and
    /// written as they fill, so the whole content is never held in memory. When `produce`
    /// throws, nothing is replaced and the error is thrown.
    public static func write(to path: String, permissions: mode_t = 0o640,
                             _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        try replace(path, permissions: permissions) { fd, tmp in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(chunkSize)
            func flush() throws {
                try buffer.withUnsafeBytes { try writeAll(fd, $0, path: tmp) }
                buffer.removeAll(keepingCapacity: true)
            }
            try produce { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= chunkSize { try flush() }
            }
            try flush()
        }
    }

    /// A temporary file beside `path` filled by `fill` (its descriptor and name), fsynced,
    /// renamed over `path`, then the folder fsynced. The temporary file is removed on failure.
    private static func replace(_ path: String, permissions: mode_t, fill: (Int32, String) throws -> Void) throws {
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
            try fill(fd, tmp)
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

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFailure(operation: "write", path: path)
            }
            offset += n
        }
    }
}
