import Foundation

/// The days bulletind counts in: the configured time zone, resolved once when the
/// configuration is read, with the Gregorian calendar in it. The archive's day folders, the
/// summary's day, the daemon's midnight and `search --since` all ask this one value, so they
/// agree on where a day begins (DST days are 23 or 25 hours long).
///
/// Made only from a zone that exists: `init?(name:)` fails for an unknown name, and the
/// configuration file turns that into an error at the key's `file:line:column`.
public struct LocalCalendar: Sendable, Equatable, CustomStringConvertible {
    /// As configured: an IANA name such as `Europe/Zurich`, or `local`.
    public let name: String
    /// The zone; for `local`, the machine's zone when the configuration was read.
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// `local` (or empty) is the machine's zone; anything else must be an IANA name.
    /// Nil for an unknown name.
    public init?(name: String) {
        if name.isEmpty || name == "local" {
            self.init(name: "local", timeZone: .current)
        } else if let zone = TimeZone(identifier: name) {
            self.init(name: name, timeZone: zone)
        } else {
            return nil
        }
    }

    /// A calendar for a zone already resolved; `name` is its identifier.
    public init(timeZone: TimeZone) {
        self.init(name: timeZone.identifier, timeZone: timeZone)
    }

    private init(name: String, timeZone: TimeZone) {
        self.name = name
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Days in UTC (tests, and checking that a `YYYY-MM-DD` exists).
    public static let utc = LocalCalendar(timeZone: TimeZone(identifier: "UTC") ?? .gmt)

    /// The machine's zone (`local`).
    public static var machine: LocalCalendar { LocalCalendar(name: "local", timeZone: .current) }

    /// The day that contains `date`.
    public func day(containing date: Date) -> LocalDay {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The first instant of `day`.
    public func start(of day: LocalDay) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
            .map(calendar.startOfDay(for:)) ?? Date(timeIntervalSince1970: 0)
    }

    /// `[start, end)` of the day containing `date`: `end` is the first instant of the next day.
    public func interval(containing date: Date) -> (start: Date, end: Date) {
        let start = calendar.startOfDay(for: date)
        let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        return (start, end)
    }

    /// The next midnight after `date`: the first instant of the following day.
    public func nextMidnight(after date: Date) -> Date {
        interval(containing: date).end
    }

    /// `date` in ISO 8601 with this zone's offset (`2026-11-30T06:00:00+01:00`).
    public func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public var description: String { name }

    public static func == (a: LocalCalendar, b: LocalCalendar) -> Bool {
        a.name == b.name && a.timeZone.identifier == b.timeZone.identifier
    }
}
