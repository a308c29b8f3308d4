#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Where files that can never be ingested go: `ROOT/NAME`, with `ROOT/NAME.error` beside it
/// (reason, time, original path), written atomically. Nothing is overwritten: a clash gets
/// `NAME.1`, `NAME.2`, … before the extension, and the sidecar follows the name used.
///
/// The sidecar is written (and made durable) BEFORE the file is moved, so that after a power
/// cut at any point a quarantined file always has its reason: a cut before the move leaves the
/// file in the inbox (taken again; its sidecar, if durable, is reused).
public struct Quarantine: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Writes the `.error` sidecar of a free name, then moves `name` out of the inbox open as
    /// `directoryFD` to that name. Returns the path the file now has, the move durable (`FileMover`).
    /// Throws `POSIXFailure`; the file then stays in the inbox.
    @discardableResult
    public func file(name: String, from directoryFD: Int32, originalPath: String, reason: String,
                     at time: Date) throws -> String {
        try Directories.create(root)
        let text = """
            reason: \(reason.replacingScalar("\n", with: " "))
            time: \(Self.timestamp(time))
            original path: \(originalPath)

            """
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw POSIXFailure(operation: "open folder", path: root) }
        defer { close(rootFD) }
        for attempt in 0..<100_000 {
            let candidate = FileMover.numbered(name, attempt)
            let sidecar = "\(root)/\(candidate).error"
            if FileMover.isSameFile(name, in: directoryFD, as: candidate, in: rootFD) {
                // Moved before a power cut that undid the removal from the inbox: finish it.
                if access(sidecar, F_OK) != 0 { try AtomicFile.write(Data(text.utf8), to: sidecar) }
                _ = try FileMover.move(name: name, from: directoryFD, to: root, as: candidate)
                return "\(root)/\(candidate)"
            }
            // A sidecar without its file, for this same original path, is one whose move a power
            // cut undid: its name is reused.
            guard access("\(root)/\(candidate)", F_OK) != 0,
                  access(sidecar, F_OK) != 0 || Self.isLeftOver(sidecar, of: originalPath) else { continue }
            try AtomicFile.write(Data(text.utf8), to: sidecar)
            if try FileMover.move(name: name, from: directoryFD, to: root, as: candidate) {
                return "\(root)/\(candidate)"
            }
            unlink(sidecar)   // the name was taken meanwhile: try the next one
        }
        throw POSIXFailure(operation: "move to \(root)", path: name, code: EEXIST)
    }

    private static func isLeftOver(_ sidecar: String, of originalPath: String) -> Bool {
        guard let text = try? String(contentsOfFile: sidecar, encoding: .utf8) else { return false }
        return text.contains("\noriginal path: \(originalPath)\n")
    }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(formatter)
    }
}
