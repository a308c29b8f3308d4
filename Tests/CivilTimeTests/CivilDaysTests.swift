import CivilTime
import Testing

/// The Gregorian day count shared by e-mail dates, the store's dates and the local calendar:
/// known dates, every day of two 400-year cycles around 1970 in order, weekdays, leap years.
@Suite struct CivilDaysTests {
    @Test func knownDatesAreTheirDayCounts() {
        let known: [(Int, Int, Int, Int)] = [
            (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11_017), (2026, 12, 2, 20_789),
            (1, 1, 1, -719_162), (9999, 12, 31, 2_932_896),
        ]
        for (year, month, day, days) in known {
            #expect(CivilDays.days(year: year, month: month, day: day) == days)
            let date = CivilDays.date(days: days)
            #expect(date.year == year && date.month == month && date.day == day)
        }
        // A day past the month's end counts on into the next month.
        #expect(CivilDays.days(year: 2026, month: 2, day: 29) == CivilDays.days(year: 2026, month: 3, day: 1))
    }

    @Test func consecutiveDayCountsAreConsecutiveDates() {
        var wrong: [Int] = []
        var previous = CivilDays.date(days: -146_097 * 2 - 1)
        for days in (-146_097 * 2)..<(146_097 * 2) {
            let date = CivilDays.date(days: days)
            let follows = date.year == previous.year && date.month == previous.month
                ? date.day == previous.day + 1
                : previous.day == CivilDays.daysInMonth(year: previous.year, month: previous.month) && date.day == 1
                    && date.month == previous.month % 12 + 1 && date.year == previous.year + (previous.month == 12 ? 1 : 0)
            if !follows || CivilDays.days(year: date.year, month: date.month, day: date.day) != days { wrong.append(days) }
            previous = date
        }
        #expect(wrong == [])
    }

    @Test func weekdaysLeapYearsAndFloorDivision() {
        #expect(CivilDays.weekday(days: 0) == 4)  // 1970-01-01, a Thursday
        #expect(CivilDays.weekday(days: 20_789) == 3)  // 2026-12-02, a Wednesday
        #expect(CivilDays.weekday(days: -4) == 0)  // 1969-12-28, a Sunday
        #expect(CivilDays.isLeap(2000) && CivilDays.isLeap(2024) && !CivilDays.isLeap(1900) && !CivilDays.isLeap(2026))
        #expect(CivilDays.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CivilDays.daysInMonth(year: 2400, month: 2) == 29)
        #expect(CivilDays.floorDivide(86_399, 86_400) == 0)
        #expect(CivilDays.floorDivide(-1, 86_400) == -1)
        #expect(CivilDays.floorDivide(-86_400, 86_400) == -1)
        #expect(CivilDays.floorDivide(-86_401, 86_400) == -2)
    }
}
