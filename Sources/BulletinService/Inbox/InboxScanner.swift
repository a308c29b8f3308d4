import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the inbox for catch-up at start, after a queue overflow and as a periodic safety net.
///
/// Only the inbox's own entries are listed: sub-folders are not descended into (a directory
/// is listed by name and left alone by the file lifecycle). Ignored names are left out.
public struct InboxScanner: Sendable {
    public var directory: String
    public var ignoreRules: IgnoreRules

    public init(directory: String, ignoreRules: IgnoreRules) {
        self.directory = directory
        self.ignoreRules = ignoreRules
    }

    /// The names in the inbox, oldest modification time first, then by name.
    /// An entry that vanishes while listing is left out.
    public func scan() throws -> [String] {
        guard let dir = opendir(directory) else {
            throw POSIXFailure(operation: "list", path: directory)
        }
        defer { closedir(dir) }
        let dirFD = dirfd(dir)
        var entries: [(seconds: Int, nanoseconds: Int, name: String)] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw POSIXFailure(operation: "list", path: directory) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if ignoreRules.ignores(name) { continue }
            var info = stat()
            guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            entries.append((info.st_mtim.tv_sec, info.st_mtim.tv_nsec, name))
        }
        entries.sort {
            ($0.seconds, $0.nanoseconds) != ($1.seconds, $1.nanoseconds)
                ? ($0.seconds, $0.nanoseconds) < ($1.seconds, $1.nanoseconds)
                : $0.name < $1.name
        }
        return entries.map(\.name)
    }
}
