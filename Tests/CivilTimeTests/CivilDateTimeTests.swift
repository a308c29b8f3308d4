import CivilTime
import Testing

/// A moment's fields from a count since 1970 (counted down before it), and its text.
@Suite struct CivilDateTimeTests {
    @Test func fieldsFromCountsSince1970() {
        let moment = CivilDateTime(millisecondsSince1970: 1_795_937_400_999)
        #expect([moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, moment.millisecond]
                == [2026, 11, 29, 7, 30, 0, 999])
        // Before 1970 the count goes down: -1 ms is the last millisecond of 1969.
        let before = CivilDateTime(millisecondsSince1970: -1)
        #expect([before.year, before.month, before.day, before.hour, before.minute, before.second, before.millisecond]
                == [1969, 12, 31, 23, 59, 59, 999])
        #expect(CivilDateTime(secondsSince1970: -1) == CivilDateTime(millisecondsSince1970: -1_000))
        #expect(CivilDateTime(secondsSince1970: 951_782_400) == CivilDateTime(millisecondsSince1970: 951_782_400_000))
    }

    @Test func textPadsEveryFieldToItsWidth() {
        #expect(CivilDateTime(millisecondsSince1970: 0).text(separator: " ", milliseconds: true) == "1970-01-01 00:00:00.000")
        #expect(CivilDateTime(millisecondsSince1970: 951_782_400_007).text(separator: "T") == "2000-02-29T00:00:00")
        #expect(CivilDateTime(millisecondsSince1970: 951_782_400_007).text(separator: " ", milliseconds: true)
                == "2000-02-29 00:00:00.007")
        // Year 1 and year 10000: four digits at least, all of them past 9999.
        #expect(CivilDateTime(secondsSince1970: -62_135_596_800 + 3_661).text(separator: "T") == "0001-01-01T01:01:01")
        #expect(CivilDateTime(secondsSince1970: 253_402_300_800).text(separator: "T") == "10000-01-01T00:00:00")
    }
}
