#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The files waiting in the inbox, measured from the folder itself: regular files whose names
/// are not ignored (what the daemon would take), and when the oldest one arrived.
///
/// A file's arrival is its inode's change time (`st_ctime`): a rename into the inbox, a copy
/// and a write all set it, while the modification time of a file moved in (`mv`, `cp -p`,
/// rsync) may be days old.
public struct InboxBacklog: Sendable, Equatable {
    public var files: Int
    /// When the oldest waiting file arrived (its change time); nil when none waits.
    public var oldest: Date?

    public init(files: Int, oldest: Date?) {
        self.files = files
        self.oldest = oldest
    }

    /// Seconds the oldest file has waited at `now` (0 when none waits).
    public func oldestAge(at now: Date) -> Double {
        oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }

    /// Lists `inbox`. Throws `POSIXFailure` when it cannot be listed.
    public static func measure(_ inbox: String, ignore: IgnoreRules) throws -> InboxBacklog {
        guard let dir = opendir(inbox) else { throw POSIXFailure(operation: "list", path: inbox) }
        defer { closedir(dir) }
        let dirFD = dirfd(dir)
        var files = 0
        var oldest: Date?
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if ignore.ignores(name) { continue }
            var info = stat()
            guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            files += 1
            let time = Date(timeIntervalSince1970: Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
            if oldest.map({ time < $0 }) ?? true { oldest = time }
        }
        return InboxBacklog(files: files, oldest: oldest)
    }
}
