import CivilTime

/// A calendar day written `YYYY-MM-DD`, as used for summaries and `--since`. Which instants it
/// holds depends on the zone: ask a `LocalCalendar` (`day(containing:)`, `start(of:)`).
public struct LocalDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        // 2026-02-30 does not exist.
        guard d <= CivilDays.daysInMonth(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `count` days later (earlier for a negative count).
    public func adding(days count: Int) -> LocalDay {
        let parts = CivilDays.date(days: CivilDays.days(year: year, month: month, day: day) + count)
        return LocalDay(year: parts.year, month: parts.month, day: parts.day)
    }

    public var description: String {
        "\(LocalDay.fourDigits(year))-\(LocalCalendar.two(month))-\(LocalCalendar.two(day))"
    }

    /// A year in at least four digits (`0042`), as `%04d` writes it.
    static func fourDigits(_ year: Int) -> String {
        let digits = String(abs(year))
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
