#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The space a SQLite database takes: the file and its write-ahead log (`-wal`).
public enum DatabaseSize {
    /// nil when the database file cannot be seen (missing, or a folder on its way that may not
    /// be entered).
    public static func bytes(of database: String) -> Int64? {
        var info = stat()
        guard stat(database, &info) == 0 else { return nil }
        var total = Int64(info.st_size)
        if stat(database + "-wal", &info) == 0 { total += Int64(info.st_size) }
        return total
    }
}
