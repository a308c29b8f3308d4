import Foundation

extension LocalCalendar {
    /// The ISO calendar in this zone (weeks begin on Monday; week 1 holds the first Thursday).
    private var iso: Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The ISO week that contains `date`.
    public func week(containing date: Date) -> LocalWeek {
        let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return LocalWeek(year: parts.yearForWeekOfYear ?? 1970, week: parts.weekOfYear ?? 1)
    }

    /// The week's seven days, Monday first.
    public func days(of week: LocalWeek) -> [LocalDay] {
        let components = DateComponents(weekday: 2, weekOfYear: week.week, yearForWeekOfYear: week.year)
        guard let monday = iso.date(from: components) else { return [] }
        var days: [LocalDay] = []
        var day = self.day(containing: monday)
        for _ in 0..<7 {
            days.append(day)
            day = self.day(after: day)
        }
        return days
    }

    /// The day after `day`.
    public func day(after day: LocalDay) -> LocalDay {
        self.day(containing: interval(containing: start(of: day)).end)
    }

    /// The day before `day`.
    public func day(before day: LocalDay) -> LocalDay {
        self.day(containing: start(of: day).addingTimeInterval(-1))
    }

    /// `count` consecutive days ending with `last` (oldest first).
    public func days(endingWith last: LocalDay, count: Int) -> [LocalDay] {
        var days: [LocalDay] = []
        var day = last
        for _ in 0..<max(0, count) {
            days.append(day)
            day = self.day(before: day)
        }
        return days.reversed()
    }
}
