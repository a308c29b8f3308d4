/// Something an `InboxWatcher` noticed about the inbox folder.
public enum InboxEvent: Sendable, Equatable, Hashable {
    /// A name in the inbox is complete: a file was closed after writing or something was
    /// renamed in. The name has already passed the ignore rules; it may be gone again by the
    /// time it is opened.
    case fileReady(String)
    /// The kernel dropped events (queue overflow): the inbox must be listed again in full.
    case rescanNeeded
    /// A complete file arrived under a name that is not valid UTF-8: listing the inbox
    /// renames it to an escaped form (`InboxScanner`) so it can be taken.
    case undecodableName
    /// The inbox folder itself was removed, moved away or replaced; the watch is no longer
    /// in force until `rewatch()` succeeds.
    case inboxGone
}
