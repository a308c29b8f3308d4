import Foundation

/// Where bulletins go once stored (or found to be duplicates): `ROOT/YYYY/MM/DD/NAME`, the
/// date being the day received in the configured time zone. Nothing is ever overwritten or
/// deleted: a clash gets `NAME.1`, `NAME.2`, … before the extension.
public struct Archive: Sendable {
    public var root: String
    public var calendar: Calendar

    public init(root: String, timeZone: TimeZone) {
        self.root = root
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `ROOT/YYYY/MM/DD` for the local day of `date`.
    public func folder(for date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(root)/\(parts.year ?? 0)/\(two(parts.month))/\(two(parts.day))"
    }

    /// Moves `name` out of the inbox open as `directoryFD` into the day folder (created 0750
    /// when missing). Call only after the transaction storing it committed. Returns the path
    /// the file now has. Throws `POSIXFailure`; the file then stays in the inbox.
    /// With `syncing` false the folders are not fsynced: see `FileMover.move`.
    @discardableResult
    public func file(name: String, from directoryFD: Int32, receivedAt: Date, syncing: Bool = true) throws -> String {
        let folder = folder(for: receivedAt)
        try Directories.create(folder)
        let used = try FileMover.move(name: name, from: directoryFD, to: folder, syncing: syncing)
        return "\(folder)/\(used)"
    }
}
