#if canImport(Glibc)
import Glibc
#endif

/// Folder creation for the inbox, archive, quarantine and summaries.
public enum Directories {
    /// Creates `path` and any missing parents with `mode` (default 0750, before the umask),
    /// like `mkdir -p`. An existing directory is left as it is. Throws `POSIXFailure` when a
    /// component exists but is not a directory or cannot be created.
    /// Each folder created is durable when this returns: its parent is fsynced after the
    /// mkdir(2) (otherwise a power cut could take the folder back, with everything later moved
    /// into it).
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
        if mkdir(path, mode) != 0 {
            guard errno == EEXIST else { throw POSIXFailure(operation: "create folder", path: path) }
        }
        sync(parent.isEmpty ? "." : parent)
    }

    /// fsync(2) of a folder, making the names created or removed in it durable. Best effort:
    /// a folder that cannot be opened is skipped (the moves themselves succeeded).
    public static func sync(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
