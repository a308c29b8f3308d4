import CivilTime
import Foundation
import Testing
@testable import BulletinService

/// Named zones from the tz database (TZif files) against Foundation's answers (ICU's
/// TimeZone and Calendar): the UTC offset every few hours and at every transition from 1970
/// to 2040 (after the files' last transition, the footer's rule answers), and the calendar's
/// days, midnights, weeks and timestamps around the DST days.
@Suite struct ZoneInfoTests {
    static let zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC",
                        "Europe/Zurich", "Asia/Tokyo", "America/Sao_Paulo", "Pacific/Chatham", "Europe/London"]
    static let from = Int64(CivilDays.days(year: 1970, month: 1, day: 1) * 86_400)
    static let to = Int64(CivilDays.days(year: 2040, month: 1, day: 1) * 86_400)

    @Test(arguments: zones) func offsetsAgreeWithFoundation(_ name: String) throws {
        let zone = try ZoneInfo(identifier: name)
        let foundation = try #require(TimeZone(identifier: name))
        func foundationOffset(_ t: Int64) -> Int { foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))) }
        var checked = 0, changes = 0
        var previous = foundationOffset(Self.from)
        // Every 13 hours 17 minutes (not a divisor of a day: every hour of the day is visited).
        var t = Self.from
        while t < Self.to {
            let expected = foundationOffset(t)
            #expect(zone.offset(at: t) == expected, "\(name) at \(Date(timeIntervalSince1970: TimeInterval(t)))")
            if expected != previous {
                changes += 1
                // Find the transition second by bisection and check both sides of it.
                var low = t - 47_820, high = t
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if foundationOffset(middle) == expected { high = middle } else { low = middle }
                }
                #expect(zone.offset(at: low) == foundationOffset(low), "\(name) before \(high)")
                #expect(zone.offset(at: high) == expected, "\(name) at transition \(high)")
                checked += 2
            }
            previous = expected
            checked += 1
            t += 47_820
        }
        #expect(checked > 40_000)
        if name != "UTC" && name != "Asia/Tokyo" { #expect(changes >= 1) }
        if ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"].contains(name) { #expect(changes > 100) }
    }

    @Test func footerRulesAfterTheLastTransition() throws {
        // Lord Howe's daylight time is half an hour; Kathmandu is 5:45 ahead with no DST.
        let howe = try #require(PosixTimeZone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"))
        #expect(howe.standardOffset == 37_800)
        #expect(howe.daylight?.offset == 39_600)
        #expect(PosixTimeZone("<+0545>-5:45") == PosixTimeZone(standardOffset: 20_700, daylight: nil))
        // Rule times past 24 h and below 0 (RFC 8536): Jerusalem, Nuuk.
        let jerusalem = try #require(PosixTimeZone("IST-2IDT,M3.4.4/26,M10.5.0"))
        #expect(jerusalem.daylight?.start.time == 26 * 3_600)
        #expect(PosixTimeZone("<-02>2<-01>,M3.5.0/-1,M10.5.0/0")?.daylight?.start.time == -3_600)
        #expect(PosixTimeZone("EST5EDT,J60/2,300") != nil)
        for bad in ["", "AB1", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "<+01-1"] {
            #expect(PosixTimeZone(bad) == nil, "\(bad)")
        }
        // 2100: far after any file's transitions, the footer answers as Foundation does.
        for name in ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"] {
            let zone = try ZoneInfo(identifier: name)
            let foundation = try #require(TimeZone(identifier: name))
            for month in 1...12 {
                let t = Int64(CivilDays.days(year: 2100, month: month, day: 15) * 86_400)
                #expect(zone.offset(at: t) == foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))), "\(name) 2100-\(month)")
            }
        }
    }

    /// Days, their first instants, the next midnight, ISO weeks and timestamps, as Foundation's
    /// Gregorian and ISO calendars give them, every 18 hours 3 minutes from 2000 to 2030.
    @Test(arguments: zones) func calendarAgreesWithFoundation(_ name: String) throws {
        let calendar = try LocalCalendar(name: name)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: name))
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = gregorian.timeZone
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = gregorian.timeZone
        var t = TimeInterval(CivilDays.days(year: 2000, month: 1, day: 1) * 86_400) + 0.5
        let end = TimeInterval(CivilDays.days(year: 2030, month: 1, day: 1) * 86_400)
        var checked = 0
        while t < end {
            let date = Date(timeIntervalSince1970: t)
            let parts = gregorian.dateComponents([.year, .month, .day], from: date)
            let day = calendar.day(containing: date)
            #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day], "\(name) \(date)")
            let start = gregorian.startOfDay(for: date)
            let (ourStart, ourEnd) = calendar.interval(containing: date)
            #expect(ourStart == start, "\(name) \(date)")
            #expect(calendar.start(of: day) == start)
            let next = gregorian.date(byAdding: .day, value: 1, to: gregorian.date(from: parts)!)!
            #expect(ourEnd == gregorian.startOfDay(for: next), "\(name) \(date)")
            let week = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            #expect(calendar.week(containing: date) == LocalWeek(year: week.yearForWeekOfYear!, week: week.weekOfYear!))
            #expect(calendar.timestamp(date) == formatter.string(from: date), "\(name) \(date)")
            checked += 1
            t += 64_980
        }
        #expect(checked > 14_000)
    }

    /// The days of the DST changes are 23 and 25 hours long (and Lord Howe's 23.5 and 24.5).
    @Test func dstDaysHaveTheirLength() throws {
        func length(_ name: String, _ text: String) throws -> TimeInterval {
            let calendar = try LocalCalendar(name: name)
            let (start, end) = calendar.interval(containing: calendar.start(of: try #require(LocalDay(string: text))))
            return end.timeIntervalSince(start)
        }
        #expect(try length("Europe/Berlin", "2026-03-29") == 23 * 3_600)
        #expect(try length("Europe/Berlin", "2026-10-25") == 25 * 3_600)
        #expect(try length("America/New_York", "2026-03-08") == 23 * 3_600)
        #expect(try length("America/New_York", "2026-11-01") == 25 * 3_600)
        #expect(try length("Australia/Lord_Howe", "2026-10-04") == 23.5 * 3_600)
        #expect(try length("Australia/Lord_Howe", "2026-04-05") == 24.5 * 3_600)
        #expect(try length("Asia/Kathmandu", "2026-03-29") == 24 * 3_600)
        // São Paulo's DST began at midnight until 2018: 2018-11-04 began at 01:00.
        let saoPaulo = try LocalCalendar(name: "America/Sao_Paulo")
        #expect(saoPaulo.timestamp(saoPaulo.start(of: try #require(LocalDay(string: "2018-11-04")))) == "2018-11-04T01:00:00-02:00")
    }

    @Test func weeksAndDaysWithoutACalendar() throws {
        let utc = LocalCalendar.utc
        #expect(utc.days(of: try #require(LocalWeek(string: "2026-W53"))).map(\.description)
                == ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])
        #expect(LocalWeek(string: "2025-W53") == nil)
        #expect(LocalDay(string: "2024-02-29")?.adding(days: 366).description == "2025-03-01")
        #expect(utc.days(endingWith: try #require(LocalDay(string: "2026-03-01")), count: 3).map(\.description)
                == ["2026-02-27", "2026-02-28", "2026-03-01"])
        #expect(LocalDay(year: 42, month: 1, day: 5).description == "0042-01-05")
    }

    @Test func theMachineZoneAndBadFiles() throws {
        let folder = try TemporaryFolder("zoneinfo")
        defer { folder.remove() }
        // TZ names a zone; else /etc/localtime, named after its link.
        #expect(ZoneInfo.machine(environment: ["TZ": ":Asia/Tokyo"]).identifier == "Asia/Tokyo")
        let link = folder.sub("localtime")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/usr/share/zoneinfo/Europe/Berlin")
        let berlin = ZoneInfo.machine(environment: [:], localtime: link)
        #expect(berlin == (try ZoneInfo(identifier: "Europe/Berlin")))
        #expect(ZoneInfo.machine(environment: [:], localtime: folder.sub("missing")) == .utc)
        // Not TZif, truncated, and a missing database: each says what it is.
        try Data("not a zone".utf8).write(to: URL(fileURLWithPath: folder.sub("Bad")))
        let berlinBytes = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Europe/Berlin"))
        try berlinBytes.prefix(600).write(to: URL(fileURLWithPath: folder.sub("Short")))
        #expect(throws: ZoneInfoError.malformed(folder.sub("Bad"), "no TZif header")) {
            try ZoneInfo(identifier: "Bad", directory: folder.path)
        }
        #expect(throws: ZoneInfoError.malformed(folder.sub("Short"), "truncated data block")) {
            try ZoneInfo(identifier: "Short", directory: folder.path)
        }
        #expect(throws: ZoneInfoError.noDatabase(folder.sub("none"))) {
            try ZoneInfo(identifier: "Europe/Berlin", directory: folder.sub("none"))
        }
        #expect("\(ZoneInfoError.noDatabase("/usr/share/zoneinfo"))".contains("apt-get install tzdata"))
    }
}
