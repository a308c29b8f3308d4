#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime

/// Parses the date-time of an e-mail `Date` header (RFC 5322 §3.3, including the obsolete
/// forms of §4.3).
enum RFC5322Date {
    /// Accepts `[Sun,] 29 Nov 2026 07:30[:00] +0100`, with any spacing, a trailing comment
    /// such as `(CET)`, two-digit years (< 50 → 20xx, otherwise 19xx), full month and
    /// weekday names, and the zones `UT GMT UTC Z EST EDT CST CDT MST MDT PST PDT` (other
    /// alphabetic zones are read as UTC, as RFC 5322 says). A missing zone means UTC.
    /// Returns nil when the value is not such a date or a field is out of range.
    static func parse(_ value: String) -> Date? {
        var text = String.UnicodeScalarView()
        var commentDepth = 0
        for scalar in value.unicodeScalars {
            switch scalar {
            case "(": commentDepth += 1
            case ")": commentDepth = max(0, commentDepth - 1)
            case "," where commentDepth == 0: text.append(" ")
            default: if commentDepth == 0 { text.append(scalar) }
            }
        }
        var tokens = String(text).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
        if let first = tokens.first, first.first?.isLetter == true, weekdays.contains(String(first.prefix(3))) {
            tokens.removeFirst()
        }
        guard tokens.count >= 4,
              let day = Int(tokens[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(tokens[1].prefix(3))),
              tokens[1].allSatisfy(\.isLetter),
              var year = Int(tokens[2]), tokens[2].count >= 2, tokens[2].count <= 4
        else { return nil }
        if tokens[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if tokens[2].count == 3 { year += 1900 }
        guard day <= CivilDays.daysInMonth(year: year, month: month + 1) else { return nil }

        let timeParts = tokens[3].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard timeParts.count == 2 || timeParts.count == 3, timeParts.allSatisfy({ $0 != nil }),
              let hour = timeParts[0], let minute = timeParts[1], (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = timeParts.count == 3 ? (timeParts[2] ?? 0) : 0
        guard (0...60).contains(second) else { return nil }

        var offsetSeconds = 0
        if tokens.count >= 5 {
            guard let offset = zoneOffset(tokens[4]) else { return nil }
            offsetSeconds = offset
        }
        let days = CivilDays.days(year: year, month: month + 1, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    /// The zone's offset east of UTC in seconds.
    private static func zoneOffset(_ token: String) -> Int? {
        let scalars = Array(token.unicodeScalars)
        if let sign = scalars.first, sign == "+" || sign == "-" {
            let digits = scalars.dropFirst()
            guard digits.count == 4, digits.allSatisfy({ $0.properties.numericType != nil && $0.isASCII }),
                  let value = Int(String(String.UnicodeScalarView(digits)))
            else { return nil }
            let hours = value / 100, minutes = value % 100
            guard hours <= 23, minutes <= 59 else { return nil }
            let offset = hours * 3600 + minutes * 60
            return sign == "-" ? -offset : offset
        }
        if let hours = namedZones[token] { return hours * 3600 }
        return token.allSatisfy({ $0.isASCII && $0.isLetter }) ? 0 : nil
    }
}
