#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime

/// The days bulletind counts in: the configured time zone, resolved once when the
/// configuration is read, with the Gregorian calendar in it. The archive's day folders, the
/// summary's day, the daemon's midnight and `search --since` all ask this one value, so they
/// agree on where a day begins (DST days are 23 or 25 hours long).
///
/// The zone comes from the system's tz database (`ZoneInfo`), and the calendar is plain
/// arithmetic (`CivilDays`): neither asks ICU. Made only from a zone that exists:
/// `init(name:)` throws for an unknown name, and the configuration file turns that into an
/// error at the key's `file:line:column`.
public struct LocalCalendar: Sendable, Equatable, CustomStringConvertible {
    /// As configured: an IANA name such as `Europe/Zurich`, or `local`.
    public let name: String
    /// The zone; for `local`, the machine's zone when the configuration was read.
    public let zone: ZoneInfo

    /// `local` (or empty) is the machine's zone; anything else must be an IANA name in the
    /// tz database (`directory`).
    public init(name: String, directory: String = ZoneInfo.defaultDirectory) throws(ZoneInfoError) {
        if name.isEmpty || name == "local" {
            self.init(name: "local", zone: .machine(directory: directory))
        } else {
            self.init(name: name, zone: try ZoneInfo(identifier: name, directory: directory))
        }
    }

    /// A calendar in `zone`; `name` is its identifier.
    public init(zone: ZoneInfo) {
        self.init(name: zone.identifier, zone: zone)
    }

    private init(name: String, zone: ZoneInfo) {
        self.name = name
        self.zone = zone
    }

    /// Days in UTC (tests, and checking that a `YYYY-MM-DD` exists).
    public static let utc = LocalCalendar(zone: .utc)

    /// The machine's zone (`local`).
    public static var machine: LocalCalendar { LocalCalendar(name: "local", zone: .machine()) }

    /// Whole seconds since the epoch, rounded down (an instant within a second belongs to it).
    private static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    /// The day that contains `date`.
    public func day(containing date: Date) -> LocalDay {
        let t = Self.seconds(date)
        let local = t + zone.offset(at: Int64(t))
        let parts = CivilDays.date(days: CivilDays.floorDivide(local, 86_400))
        return LocalDay(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The first instant of `day`: its midnight, or where a transition skips midnight, the
    /// transition (the day's first existing instant); where midnight happens twice, the first.
    public func start(of day: LocalDay) -> Date {
        let midnight = CivilDays.days(year: day.year, month: day.month, day: day.day) * 86_400
        return Date(timeIntervalSince1970: TimeInterval(firstInstant(atOrAfterLocal: midnight)))
    }

    /// The earliest instant whose local time is `local` or, in a gap, the end of the gap.
    private func firstInstant(atOrAfterLocal local: Int) -> Int {
        // Offsets never exceed ±26 hours: the instant is within that of `local`.
        let window = 26 * 3_600
        let offsets = Set([local - window, local, local + window].map { zone.offset(at: Int64($0)) })
        let exact = offsets.map { local - $0 }.filter { zone.offset(at: Int64($0)) == local - $0 }
        if let first = exact.min() { return first }
        // A gap: the first instant whose local time is past `local` is the transition.
        var low = local - window, high = local + window
        while low < high {
            let middle = CivilDays.floorDivide(low + high, 2)
            if middle + zone.offset(at: Int64(middle)) >= local { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `[start, end)` of the day containing `date`: `end` is the first instant of the next day.
    public func interval(containing date: Date) -> (start: Date, end: Date) {
        let day = day(containing: date)
        return (start(of: day), start(of: self.day(after: day)))
    }

    /// The next midnight after `date`: the first instant of the following day.
    public func nextMidnight(after date: Date) -> Date {
        interval(containing: date).end
    }

    /// `date` in ISO 8601 with this zone's offset (`2026-11-30T06:00:00+01:00`; `Z` for UTC).
    public func timestamp(_ date: Date) -> String {
        let t = Self.seconds(date)
        let offset = zone.offset(at: Int64(t))
        var text = CivilDateTime(secondsSince1970: t + offset).text(separator: "T")
        if offset == 0 {
            text += "Z"
        } else {
            let magnitude = abs(offset)
            text += (offset < 0 ? "-" : "+") + "\(Self.two(magnitude / 3_600)):\(Self.two(magnitude / 60 % 60))"
            if magnitude % 60 != 0 { text += ":\(Self.two(magnitude % 60))" }
        }
        return text
    }

    /// Two decimal digits.
    static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    public var description: String { name }

    public static func == (a: LocalCalendar, b: LocalCalendar) -> Bool {
        a.name == b.name && a.zone.identifier == b.zone.identifier
    }
}
