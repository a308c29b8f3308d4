#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where bulletins go once stored (or found to be duplicates): `ROOT/YYYY/MM/DD/NAME`, the
/// date being the day received in the configured time zone. Nothing is ever overwritten or
/// deleted: a clash gets `NAME.1`, `NAME.2`, … before the extension.
public struct Archive: Sendable {
    public var root: String
    public var calendar: LocalCalendar

    public init(root: String, calendar: LocalCalendar) {
        self.root = root
        self.calendar = calendar
    }

    /// `ROOT/YYYY/MM/DD` for the local day of `date`.
    public func folder(for date: Date) -> String {
        let day = calendar.day(containing: date)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(root)/\(day.year)/\(two(day.month))/\(two(day.day))"
    }

    /// Moves `name` out of the inbox open as `directoryFD` into the day folder (created 0750
    /// when missing). Call only after the transaction storing it committed. Returns the path
    /// the file now has. Throws `POSIXFailure`; the file then stays in the inbox.
    @discardableResult
    public func file(name: String, from directoryFD: Int32, receivedAt: Date) throws -> String {
        try FileMoveBatch.moveOne(name, from: directoryFD) { try place(name: name, in: $0, receivedAt: receivedAt) }
    }

    /// `file`, for several files of one folder: gives `name` its name in the day folder (created
    /// 0750 when the batch has no file there yet) as part of `batch`; the move is complete,
    /// durable and the inbox name gone only after `batch.finish()`. Returns the path the file
    /// will have. Throws `POSIXFailure`; the file then stays in the inbox.
    @discardableResult
    func place(name: String, in batch: FileMoveBatch, receivedAt: Date) throws -> String {
        let folder = folder(for: receivedAt)
        if !batch.hasFolder(folder) { try Directories.create(folder) }
        let used = try batch.place(name: name, to: folder)
        return "\(folder)/\(used)"
    }
}
