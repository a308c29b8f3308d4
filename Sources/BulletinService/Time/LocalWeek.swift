/// An ISO 8601 week written `YYYY-Www` (`2026-W48`): Monday to Sunday, numbered so that week 1
/// holds the year's first Thursday. Which instants it holds depends on the zone: ask a
/// `LocalCalendar` (`week(containing:)`, `days(of:)`).
public struct LocalWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ISO week-numbering year (2027-01-01 may belong to 2026-W53).
    public var year: Int
    public var week: Int

    init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www`; nil for anything else or a week the year does not have (W53 exists
    /// only in long years).
    public init?(string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
              let year = Int(parts[0]), let week = Int(parts[1].dropFirst()), (1...53).contains(week) else { return nil }
        self.init(year: year, week: week)
        let utc = LocalCalendar.utc
        guard let monday = utc.days(of: self).first, utc.week(containing: utc.start(of: monday)) == self else { return nil }
    }

    public var description: String {
        "\(LocalDay.fourDigits(year))-W\(LocalCalendar.two(week))"
    }

    public static func < (a: LocalWeek, b: LocalWeek) -> Bool {
        (a.year, a.week) < (b.year, b.week)
    }
}
