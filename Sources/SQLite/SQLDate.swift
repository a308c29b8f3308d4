#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime

/// Dates as the database stores them: UTC text "yyyy-MM-dd HH:mm:ss.SSS", the form GRDB
/// wrote (so text comparisons in SQL order dates, and databases written before read the
/// same). Pure arithmetic on the proleptic Gregorian calendar (`CivilDays`, the text by
/// `CivilDateTime`): no time zone or calendar library.
public enum SQLDate {
    /// "yyyy-MM-dd HH:mm:ss.SSS" in UTC; the milliseconds are truncated (towards the past),
    /// as GRDB's formatter did, after rounding to the microsecond: a `Date` is a `Double`, and
    /// the date read from ".417" lies a hair below 0.417 s, so truncating it as is would write
    /// ".416" back. Text read by `date(from:)` gives the same text again.
    public static func text(of date: Date) -> String {
        let microseconds = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let milliseconds = CivilDays.floorDivide(microseconds, 1_000)
        return CivilDateTime(millisecondsSince1970: milliseconds).text(separator: " ", milliseconds: true)
    }

    /// Reads "YYYY-MM-DD", optionally followed by " HH:MM", ":SS", ".fraction" (any number of
    /// digits) with a space or "T" between date and time, and an optional zone ("Z" or
    /// "±HH:MM"; none means UTC). nil for anything else.
    public static func date(from text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(CivilDays.days(year: year, month: month, day: day)) * 86_400
        if scanner.skip(" ") || scanner.skip("T") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2)
            else { return nil }
            seconds += Double(hour * 3600 + minute * 60)
            if scanner.skip(":") {
                guard let second = scanner.number(digits: 2) else { return nil }
                seconds += Double(second)
                if scanner.skip(".") {
                    // The digits as one integer over a power of ten (to the nanosecond; further
                    // digits are read and ignored): one rounding instead of one per digit.
                    var numerator = 0
                    var denominator = 1
                    var digits = 0
                    while let digit = scanner.digit() {
                        if digits < 9 {
                            numerator = numerator * 10 + digit
                            denominator *= 10
                        }
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                    seconds += Double(numerator) / Double(denominator)
                }
            }
            if scanner.skip("Z") {
            } else if let sign = scanner.sign() {
                guard let hours = scanner.number(digits: 2), scanner.skip(":"), let minutes = scanner.number(digits: 2)
                else { return nil }
                seconds -= Double(sign * (hours * 3600 + minutes * 60))
            }
        }
        guard scanner.atEnd else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// A cursor over the text's bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { index == bytes.count }
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
        mutating func digit() -> Int? {
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - UInt8(ascii: "0"))
        }
        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }
}
