#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `InboxFile.take` found under one inbox name.
public enum InboxFileResult: Sendable, Equatable {
    /// A regular file within the size limit: all its bytes.
    case contents(Data)
    /// A regular file larger than the limit; not read. Quarantine it.
    case oversize(size: Int)
    /// The name was gone before it could be read (removed by its sender).
    case vanished
    /// A regular file the daemon may not open: the fault of the file itself (permission denied
    /// on it), not something that passes. Quarantine it; `reason` names the permission problem
    /// (mode, owner, and the user the daemon runs as).
    case unreadable(reason: String)
    /// Not a regular file (symbolic link, directory, FIFO, socket, device): left where it is,
    /// never followed, opened for reading or descended into. `reason` is one line for the log.
    case leftAlone(reason: String)
}
