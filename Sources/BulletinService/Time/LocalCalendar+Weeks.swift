#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime

extension LocalCalendar {
    /// The ISO week that contains `date` (weeks begin on Monday; week 1 holds the first Thursday).
    public func week(containing date: Date) -> LocalWeek {
        let day = day(containing: date)
        let days = CivilDays.days(year: day.year, month: day.month, day: day.day)
        // The Thursday of the same ISO week decides its year.
        let thursday = days - (CivilDays.weekday(days: days) + 6) % 7 + 3
        let year = CivilDays.date(days: thursday).year
        return LocalWeek(year: year, week: (thursday - CivilDays.days(year: year, month: 1, day: 1)) / 7 + 1)
    }

    /// The week's seven days, Monday first.
    public func days(of week: LocalWeek) -> [LocalDay] {
        // 4 January is always in week 1.
        let january4 = CivilDays.days(year: week.year, month: 1, day: 4)
        let monday = january4 - (CivilDays.weekday(days: january4) + 6) % 7 + (week.week - 1) * 7
        return (0..<7).map { offset in
            let parts = CivilDays.date(days: monday + offset)
            return LocalDay(year: parts.year, month: parts.month, day: parts.day)
        }
    }

    /// The day after `day`.
    public func day(after day: LocalDay) -> LocalDay {
        day.adding(days: 1)
    }

    /// The day before `day`.
    public func day(before day: LocalDay) -> LocalDay {
        day.adding(days: -1)
    }

    /// `count` consecutive days ending with `last` (oldest first).
    public func days(endingWith last: LocalDay, count: Int) -> [LocalDay] {
        (0..<max(0, count)).reversed().map { last.adding(days: -$0) }
    }
}
