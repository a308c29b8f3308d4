/// A date and a time of day to the millisecond on the proleptic Gregorian calendar (`CivilDays`),
/// with no zone: UTC, or a zone's wall clock when the caller counted from a local instant. The
/// one place where such a moment becomes text: the store's dates (`SQLDate`), the state file's,
/// the summaries' `generatedAt` (`LocalCalendar.timestamp`), the log lines on standard error.
public struct CivilDateTime: Sendable, Equatable {
    public var year: Int
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int
    /// 0…23.
    public var hour: Int
    /// 0…59.
    public var minute: Int
    /// 0…59.
    public var second: Int
    /// 0…999.
    public var millisecond: Int

    /// The moment `milliseconds` after 1970-01-01 00:00:00.000 (before it when negative).
    public init(millisecondsSince1970 milliseconds: Int) {
        let days = CivilDays.floorDivide(milliseconds, 86_400_000)
        self.init(days: days, millisecondOfDay: milliseconds - days * 86_400_000)
    }

    /// The moment `seconds` after 1970-01-01 00:00:00 (before it when negative), millisecond 0.
    public init(secondsSince1970 seconds: Int) {
        let days = CivilDays.floorDivide(seconds, 86_400)
        self.init(days: days, millisecondOfDay: (seconds - days * 86_400) * 1_000)
    }

    private init(days: Int, millisecondOfDay: Int) {
        (year, month, day) = CivilDays.date(days: days)
        let seconds = millisecondOfDay / 1_000
        hour = seconds / 3_600
        minute = seconds / 60 % 60
        second = seconds % 60
        millisecond = millisecondOfDay % 1_000
    }

    /// `yyyy-MM-dd`, `separator`, `HH:mm:ss`, then `.SSS` when `milliseconds` is true: each
    /// field's decimal text (`String(value)`) zero-padded on the left to its width, so a year
    /// past 9999 keeps all its digits (and a year before 0 reads `0-42`, as the store has always
    /// written it).
    public func text(separator: Character, milliseconds: Bool = false) -> String {
        var text = ""
        text.reserveCapacity(milliseconds ? 23 : 19)
        Self.append(year, digits: 4, to: &text)
        text += "-"
        Self.append(month, digits: 2, to: &text)
        text += "-"
        Self.append(day, digits: 2, to: &text)
        text.append(separator)
        Self.append(hour, digits: 2, to: &text)
        text += ":"
        Self.append(minute, digits: 2, to: &text)
        text += ":"
        Self.append(second, digits: 2, to: &text)
        if milliseconds {
            text += "."
            Self.append(millisecond, digits: 3, to: &text)
        }
        return text
    }

    private static func append(_ value: Int, digits: Int, to text: inout String) {
        let number = String(value)
        if number.utf8.count < digits { text += String(repeating: "0", count: digits - number.utf8.count) }
        text += number
    }
}
