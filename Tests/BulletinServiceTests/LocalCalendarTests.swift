import Foundation
import Testing
@testable import BulletinService

/// The time zone is resolved once, when the configuration is read, into the one value the
/// archive, the summary, the daemon's midnight and `--since` all ask.
@Suite struct LocalCalendarTests {
    @Test func theConfigurationHoldsTheResolvedZone() throws {
        let tokyo = try ConfigurationFile.parse("time_zone = \"Asia/Tokyo\"\n", fileName: "c.toml")
        #expect(tokyo.calendar.name == "Asia/Tokyo")
        #expect(tokyo.calendar.zone.identifier == "Asia/Tokyo")
        let local = try ConfigurationFile.parse("time_zone = \"local\"\n", fileName: "c.toml")
        #expect(local.calendar.name == "local")
        #expect(local.calendar.zone.identifier == TimeZone.current.identifier)
        #expect(Configuration.repositoryDefaults.calendar == local.calendar)
    }

    @Test func anUnknownZoneIsRefusedAtItsKey() {
        #expect(throws: ZoneInfoError.unknown("Mars/Olympus_Mons", directory: "/usr/share/zoneinfo")) {
            try LocalCalendar(name: "Mars/Olympus_Mons")
        }
        #expect {
            _ = try ConfigurationFile.parse("\ntime_zone = \"Mars/Olympus_Mons\"\n", fileName: "c.toml")
        } throws: { error in
            "\(error)".hasPrefix("c.toml:2:13: time_zone: unknown time zone \"Mars/Olympus_Mons\" (no such zone in /usr/share/zoneinfo)")
        }
        // A name that would reach out of the database is no zone either.
        #expect(throws: ZoneInfoError.unknown("../../etc/passwd", directory: "/usr/share/zoneinfo")) {
            try LocalCalendar(name: "../../etc/passwd")
        }
    }

    /// 20:00 UTC on 29 November is already 30 November in Tokyo: every user of the calendar
    /// says so, and the day runs from its start to the next midnight.
    @Test func archiveSummaryDayAndSinceAgree() throws {
        let tokyo = try LocalCalendar(name: "Asia/Tokyo")
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-29T20:00:00Z"))
        let day = tokyo.day(containing: instant)
        #expect(day.description == "2026-11-30")
        #expect(Archive(root: "/a", calendar: tokyo).folder(for: instant) == "/a/2026/11/30")
        let (start, end) = tokyo.interval(containing: instant)
        #expect(start == tokyo.start(of: day))
        #expect(start == ISO8601DateFormatter().date(from: "2026-11-29T15:00:00Z"))
        #expect(end == tokyo.nextMidnight(after: instant))
        #expect(end.timeIntervalSince(start) == 86_400)
        #expect(tokyo.timestamp(instant) == "2026-11-30T05:00:00+09:00")
        #expect(LocalCalendar.utc.day(containing: instant).description == "2026-11-29")
    }

    @Test func localDayParsesOnlyRealDays() {
        #expect(LocalDay(string: "2026-11-30")?.description == "2026-11-30")
        #expect(LocalDay(string: "2028-02-29") != nil)
        #expect(LocalDay(string: "2026-02-29") == nil)
        #expect(LocalDay(string: "2026-04-31") == nil)
        #expect(LocalDay(string: "2026-13-01") == nil)
        #expect(LocalDay(string: "26-11-30") == nil)
        #expect(LocalDay(string: "2026-11-30T00") == nil)
    }
}
