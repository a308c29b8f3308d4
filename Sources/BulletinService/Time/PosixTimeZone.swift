import CivilTime

/// A POSIX `TZ` rule string, as found in the footer of a TZif file (RFC 8536 section 3.3):
/// `CET-1CEST,M3.5.0,M10.5.0/3`, `<+0545>-5:45`, `<+1030>-10:30<+11>-11,M10.1.0,M4.1.0`.
/// It gives the UTC offset for instants after the file's last transition.
///
/// Callers may rely on POSIX.1-2017 section 8.3 with the RFC 8536 extensions: quoted names,
/// rule times from -167 to 167 hours, and the `Jn`, `n` and `Mm.w.d` date forms.
struct PosixTimeZone: Sendable, Equatable {
    /// Seconds east of UTC outside daylight time.
    var standardOffset: Int
    /// Daylight time: its offset and when it starts and ends in each year; nil for none.
    var daylight: Daylight?

    struct Daylight: Sendable, Equatable {
        var offset: Int
        var start: Rule
        var end: Rule
    }

    /// A day of the year and a local time of that day (seconds; may be negative or past 24 h).
    struct Rule: Sendable, Equatable {
        enum Day: Sendable, Equatable {
            /// `Jn`: day 1…365, 29 February never counted.
            case julian(Int)
            /// `n`: day 0…365, 29 February counted.
            case zeroBased(Int)
            /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (5: the last) of month `m`.
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }
        var day: Day
        var time: Int = 7_200
    }

    init(standardOffset: Int, daylight: Daylight?) {
        self.standardOffset = standardOffset
        self.daylight = daylight
    }

    /// Nil when `text` is not a rule this parser understands.
    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.name(), let std = scanner.offset() else { return nil }
        standardOffset = -std
        if scanner.atEnd { daylight = nil; return }
        guard scanner.name() else { return nil }
        var dstOffset = standardOffset + 3_600
        if let offset = scanner.offset() { dstOffset = -offset }
        // A missing rule defaults to the US rule of POSIX' time (M3.2.0,M11.1.0).
        var start = Rule(day: .monthWeekDay(month: 3, week: 2, weekday: 0))
        var end = Rule(day: .monthWeekDay(month: 11, week: 1, weekday: 0))
        if !scanner.atEnd {
            guard scanner.take(UInt8(ascii: ",")), let s = scanner.rule(),
                  scanner.take(UInt8(ascii: ",")), let e = scanner.rule(), scanner.atEnd else { return nil }
            start = s
            end = e
        }
        daylight = Daylight(offset: dstOffset, start: start, end: end)
    }

    /// Seconds east of UTC at `seconds` since the epoch.
    func offset(at seconds: Int64) -> Int {
        guard let daylight else { return standardOffset }
        let t = Int(seconds)
        let year = CivilDays.date(days: CivilDays.floorDivide(t + standardOffset, 86_400)).year
        // The start is given in standard time, the end in daylight time.
        let start = daylight.start.instant(year: year) - standardOffset
        let end = daylight.end.instant(year: year) - daylight.offset
        let inDaylight = start < end ? (start <= t && t < end) : !(end <= t && t < start)
        return inDaylight ? daylight.offset : standardOffset
    }

    /// The byte scanner of the grammar.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// `<…>` or at least three letters.
        mutating func name() -> Bool {
            if take(UInt8(ascii: "<")) {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                return take(UInt8(ascii: ">"))
            }
            let start = index
            while index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") {
                index += 1
            }
            return index - start >= 3
        }

        mutating func number() -> Int? {
            let start = index
            var value = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                if value > 1_000_000 { return nil }
            }
            return index > start ? value : nil
        }

        /// `[+-]hh[:mm[:ss]]` in seconds.
        mutating func offset() -> Int? {
            var sign = 1
            if take(UInt8(ascii: "-")) { sign = -1 } else { _ = take(UInt8(ascii: "+")) }
            guard let hours = number(), hours <= 167 else { return nil }
            var seconds = hours * 3_600
            if take(UInt8(ascii: ":")) {
                guard let minutes = number(), minutes < 60 else { return nil }
                seconds += minutes * 60
                if take(UInt8(ascii: ":")) {
                    guard let s = number(), s < 60 else { return nil }
                    seconds += s
                }
            }
            return sign * seconds
        }

        /// `date[/time]`.
        mutating func rule() -> Rule? {
            let day: Rule.Day
            if take(UInt8(ascii: "J")) {
                guard let n = number(), (1...365).contains(n) else { return nil }
                day = .julian(n)
            } else if take(UInt8(ascii: "M")) {
                guard let m = number(), (1...12).contains(m), take(UInt8(ascii: ".")),
                      let w = number(), (1...5).contains(w), take(UInt8(ascii: ".")),
                      let d = number(), (0...6).contains(d) else { return nil }
                day = .monthWeekDay(month: m, week: w, weekday: d)
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                day = .zeroBased(n)
            }
            var rule = Rule(day: day)
            if take(UInt8(ascii: "/")) {
                guard let time = offset() else { return nil }
                rule.time = time
            }
            return rule
        }
    }
}

extension PosixTimeZone.Rule {
    /// The rule's moment in `year` as local seconds since the epoch (local wall-clock time
    /// counted as if it were UTC).
    func instant(year: Int) -> Int {
        let firstOfYear = CivilDays.days(year: year, month: 1, day: 1)
        let days: Int
        switch day {
        case .julian(let n):
            // Day n of a 365-day year: from March on, a leap year's 29 February is skipped.
            days = firstOfYear + n - 1 + (CivilDays.isLeap(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            days = firstOfYear + n
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDays.days(year: year, month: month, day: 1)
            var day = first + (weekday - CivilDays.weekday(days: first) + 7) % 7 + (week - 1) * 7
            let length = CivilDays.daysInMonth(year: year, month: month)
            while day >= first + length { day -= 7 }
            days = day
        }
        return days * 86_400 + time
    }
}
