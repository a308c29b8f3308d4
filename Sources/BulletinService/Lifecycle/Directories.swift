#if canImport(Glibc)
import Glibc
#endif

/// Folder creation for the inbox, archive, quarantine and summaries.
public enum Directories {
    /// Creates `path` and any missing parents with `mode` (default 0750, before the umask),
    /// like `mkdir -p`. An existing directory is left as it is. Throws `POSIXFailure` when a
    /// component exists but is not a directory or cannot be created.
    public static func create(_ path: String, mode: mode_t = 0o750) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw POSIXFailure(operation: "create folder", path: path, code: ENOTDIR)
            }
            return
        }
        let parent = parentPath(of: path)
        if !parent.isEmpty, parent != path {
            try create(parent, mode: mode)
        }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw POSIXFailure(operation: "create folder", path: path)
        }
    }

    private static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
