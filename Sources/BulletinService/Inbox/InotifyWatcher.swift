#if canImport(Glibc)
import Glibc
#endif

/// The inotify backend of `InboxWatcher`.
///
/// A name is reported when a file is closed after writing (`IN_CLOSE_WRITE`) or renamed into
/// the inbox (`IN_MOVED_TO`), so a file still being written is not taken before its writer
/// closes it. The watch is on the inbox folder only (`IN_ONLYDIR | IN_DONTFOLLOW`):
/// sub-folders are neither watched nor descended into. A kernel queue overflow becomes
/// `.rescanNeeded`; removal, move or replacement of the inbox becomes `.inboxGone`.
///
/// The descriptor is non-blocking and close-on-exec. Not thread-safe: use from one thread.
public final class InotifyWatcher: InboxWatcher {
    public let directory: String
    public let fileDescriptor: Int32
    public var ignoreRules: IgnoreRules
    private var watchDescriptor: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Starts watching `directory`, which must exist. Add the watch BEFORE listing the inbox
    /// for catch-up, so nothing slips in between (a name seen twice is harmless).
    /// Throws `InboxError` (with the sysctl to raise when an inotify limit is hit).
    public init(directory: String, ignoreRules: IgnoreRules) throws {
        self.directory = directory
        self.ignoreRules = ignoreRules
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            let code = errno
            if code == EMFILE { throw InboxError.tooManyInotifyInstances }
            throw InboxError.system(operation: "inotify_init1", path: directory, code: code)
        }
        fileDescriptor = fd
        do {
            try addWatch()
        } catch {
            close(fd)
            throw error
        }
    }

    deinit {
        close(fileDescriptor)
    }

    public func rewatch() throws {
        if watchDescriptor >= 0 {
            inotify_rm_watch(fileDescriptor, watchDescriptor)
            watchDescriptor = -1
        }
        try Directories.create(directory)
        try addWatch()
    }

    private func addWatch() throws {
        let mask = Mask.closeWrite | Mask.movedTo | Mask.deleteSelf | Mask.moveSelf
            | Mask.onlyDir | Mask.dontFollow | Mask.exclUnlink
        let wd = inotify_add_watch(fileDescriptor, directory, mask)
        guard wd >= 0 else {
            let code = errno
            switch code {
            case ENOSPC: throw InboxError.tooManyInotifyWatches(path: directory)
            case ENOTDIR, ELOOP: throw InboxError.notADirectory(path: directory)
            default: throw InboxError.system(operation: "inotify_add_watch", path: directory, code: code)
            }
        }
        watchDescriptor = wd
    }

    public func drain() throws -> [InboxEvent] {
        var events: [InboxEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(fileDescriptor, raw.baseAddress, raw.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                throw InboxError.system(operation: "read inotify events", path: directory, code: errno)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { raw in
                decode(UnsafeRawBufferPointer(rebasing: raw[0..<count]), into: &events)
            }
        }
        return events
    }

    /// Decodes `struct inotify_event` records: wd, mask, cookie, len, then `len` name bytes
    /// (NUL-padded).
    private func decode(_ raw: UnsafeRawBufferPointer, into events: inout [InboxEvent]) {
        let headerSize = 16
        var offset = 0
        while offset + headerSize <= raw.count {
            let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + length, raw.count)
            offset = nameStart + length

            if mask & Mask.queueOverflow != 0 {
                if events.last != .rescanNeeded { events.append(.rescanNeeded) }
                continue
            }
            guard wd == watchDescriptor, wd >= 0 else { continue }  // a watch already replaced
            if mask & (Mask.deleteSelf | Mask.moveSelf | Mask.ignored) != 0 {
                if mask & Mask.ignored != 0 {
                    watchDescriptor = -1
                } else if mask & Mask.moveSelf != 0 {
                    // The watch would follow the folder to its new place: drop it.
                    inotify_rm_watch(fileDescriptor, wd)
                    watchDescriptor = -1
                }
                if !events.contains(.inboxGone) { events.append(.inboxGone) }
                continue
            }
            guard mask & (Mask.closeWrite | Mask.movedTo) != 0, nameEnd > nameStart else { continue }
            let nameBytes = raw[nameStart..<nameEnd].prefix { $0 != 0 }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                // Not UTF-8: the scanner renames it to an escaped name (see InboxScanner).
                if !events.contains(.undecodableName) { events.append(.undecodableName) }
                continue
            }
            if !ignoreRules.ignores(name) {
                events.append(.fileReady(name))
            }
        }
    }

    /// inotify mask bits (Linux ABI, <sys/inotify.h>); Glibc imports them as Int32.
    private enum Mask {
        static let closeWrite = UInt32(truncatingIfNeeded: IN_CLOSE_WRITE)
        static let movedTo = UInt32(truncatingIfNeeded: IN_MOVED_TO)
        static let deleteSelf = UInt32(truncatingIfNeeded: IN_DELETE_SELF)
        static let moveSelf = UInt32(truncatingIfNeeded: IN_MOVE_SELF)
        static let ignored = UInt32(truncatingIfNeeded: IN_IGNORED)
        static let queueOverflow = UInt32(truncatingIfNeeded: IN_Q_OVERFLOW)
        static let onlyDir = UInt32(truncatingIfNeeded: IN_ONLYDIR)
        static let dontFollow: UInt32 = 0x0200_0000  // IN_DONTFOLLOW, not imported by Glibc
        static let exclUnlink = UInt32(truncatingIfNeeded: IN_EXCL_UNLINK)
    }
}
