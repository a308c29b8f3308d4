import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where files that can never be ingested go: `ROOT/NAME`, with `ROOT/NAME.error` beside it
/// (reason, time, original path), written atomically. Nothing is overwritten: a clash gets
/// `NAME.1`, `NAME.2`, … before the extension, and the sidecar follows the name used.
public struct Quarantine: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Moves `name` out of the inbox open as `directoryFD` and writes its `.error` sidecar.
    /// Returns the path the file now has. Throws `POSIXFailure`; the file then stays put
    /// (or, if only the sidecar failed, sits in quarantine without it).
    @discardableResult
    public func file(name: String, from directoryFD: Int32, originalPath: String, reason: String,
                     at time: Date) throws -> String {
        try Directories.create(root)
        let used = try FileMover.move(name: name, from: directoryFD, to: root) { candidate in
            access("\(root)/\(candidate).error", F_OK) != 0
        }
        let path = "\(root)/\(used)"
        let text = """
            reason: \(reason.replacingOccurrences(of: "\n", with: " "))
            time: \(Self.timestamp(time))
            original path: \(originalPath)

            """
        try AtomicFile.write(Data(text.utf8), to: "\(path).error")
        return path
    }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(formatter)
    }
}
