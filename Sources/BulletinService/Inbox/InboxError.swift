#if canImport(Glibc)
import Glibc
#endif

/// Why the inbox could not be watched, in words an operator can act on.
public enum InboxError: Error, Sendable, CustomStringConvertible, Equatable {
    /// inotify_init1 failed with EMFILE: too many inotify instances for this user.
    case tooManyInotifyInstances
    /// inotify_add_watch failed with ENOSPC: too many watches for this user.
    case tooManyInotifyWatches(path: String)
    /// The inbox path exists but is not a directory (or is a symbolic link).
    case notADirectory(path: String)
    /// Any other failed system call.
    case system(operation: String, path: String, code: Int32)

    public var description: String {
        switch self {
        case .tooManyInotifyInstances:
            return "cannot create an inotify instance: the per-user limit is reached; raise the sysctl fs.inotify.max_user_instances"
        case .tooManyInotifyWatches(let path):
            return "cannot watch \(path): the per-user inotify watch limit is reached; raise the sysctl fs.inotify.max_user_watches"
        case .notADirectory(let path):
            return "cannot watch \(path): it is not a directory"
        case .system(let operation, let path, let code):
            return "\(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}
