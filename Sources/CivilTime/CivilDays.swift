/// Proleptic Gregorian dates as a count of days since 1970-01-01, and back (the algorithms
/// of Howard Hinnant's "chrono-compatible low-level date algorithms"). Pure arithmetic: valid
/// for every year an `Int` can hold, with no calendar object and no time zone. The one place
/// of this arithmetic: `LocalCalendar` (the configured zone's days), `SQLDate` (the store's
/// UTC text) and `RFC5322Date` (e-mail `Date` headers) count days with it.
public enum CivilDays {
    /// Days from 1970-01-01 to `year-month-day` (negative before). `month` 1…12; `day` may
    /// run past the month's end (it then counts on into the next).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday).
    public static func weekday(days: Int) -> Int {
        ((days + 4) % 7 + 7) % 7
    }

    /// Whether `year` has a February 29th.
    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 28…31 days in `month` (1…12) of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `a / b` rounded towards minus infinity (`b` > 0): the day of an instant before 1970
    /// counts back from it (`floorDivide(-1, 86_400)` is -1).
    public static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
