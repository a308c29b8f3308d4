#if canImport(Glibc)
import Glibc
#endif

/// Tells when files in the inbox are complete. Used from one thread only.
///
/// Only the inbox folder itself is watched: sub-folders are neither watched nor descended
/// into. A directory that appears in the inbox is reported like any other name and left
/// alone by the file lifecycle.
public protocol InboxWatcher: AnyObject {
    /// Becomes readable (for poll(2)) when `drain()` has events to return.
    var fileDescriptor: Int32 { get }
    /// Names matching these rules are never reported.
    var ignoreRules: IgnoreRules { get set }
    /// Every event queued so far, in arrival order; never blocks. Empty when nothing happened.
    func drain() throws -> [InboxEvent]
    /// Creates the inbox if it is missing and watches it again (after `.inboxGone`).
    func rewatch() throws
}
