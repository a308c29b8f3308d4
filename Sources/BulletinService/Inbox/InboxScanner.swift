#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

    /// Regular files modified more recently than this many seconds ago are left out (see
    /// `scan`); 0 (the default) lists every file. The daemon uses `daemonQuietPeriod`.
    public var quietPeriod: Double = 0

    /// What the daemon's rescans use: a file still being written is not taken half-written.
    public static let daemonQuietPeriod: Double = 5

    /// Renames a file whose name is not valid UTF-8 to the same name with every byte that is
    /// not printable ASCII written as `%XX` (and `%` as `%25`), never replacing a file.
    /// Returns the new name, or nil when the rename failed.
    static func renameToUTF8(_ raw: [UInt8], in dirFD: Int32) -> String? {
        var escaped = ""
        for byte in raw {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "%") {
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        var source = raw.map { CChar(bitPattern: $0) } + [0]
        for attempt in 0..<100 {
            let candidate = attempt == 0 ? escaped : "\(escaped).\(attempt)"
            // link + unlink: unlike rename, link never replaces an existing name.
            if linkat(dirFD, &source, dirFD, candidate, 0) == 0 {
                unlinkat(dirFD, &source, 0)
                return candidate
            }
            if errno != EEXIST { return nil }
        }
        return nil
    }

    /// The names in the inbox, oldest modification time first, then by name.
    /// An entry that vanishes while listing is left out, and so is a regular file modified in
    /// the last `quietPeriod` seconds (it may still be open for writing).
    public func scan() throws -> [String] {
        var skippedRecent = false
        return try scan(skippedRecent: &skippedRecent)
    }

    /// As `scan()`; `skippedRecent` tells whether a recently modified file was left out, so
    /// the caller can list again once `quietPeriod` has passed.
    public func scan(skippedRecent: inout Bool) throws -> [String] {
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
            // Read the name in place, up to its NUL: copying `d_name` (256 bytes) reads past the
            // end of a short last entry of glibc's buffer (AddressSanitizer: heap-buffer-overflow).
            let rawName = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                    Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            // A name that is not UTF-8 cannot be opened again through a String: it is renamed
            // in place to a lossless escaped form ("caf%E9.txt") and taken under that name.
            guard let name = String(validating: rawName, as: UTF8.self) ?? Self.renameToUTF8(rawName, in: dirFD) else {
                continue
            }
            if ignoreRules.ignores(name) { continue }
            var info = stat()
            guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            // Written to in the last `quietPeriod` seconds: possibly still open for writing. Its
            // IN_CLOSE_WRITE (or the next rescan) will bring it; taking it now could ingest half a file.
            if quietPeriod > 0, (info.st_mode & S_IFMT) == S_IFREG,
               Double(info.st_mtim.tv_sec) > Date().timeIntervalSince1970 - quietPeriod {
                skippedRecent = true
                continue
            }
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

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
