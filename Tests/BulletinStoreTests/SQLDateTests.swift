import Foundation
import SQLite
import Testing

/// The store's date text: "yyyy-MM-dd HH:mm:ss.SSS", UTC, milliseconds counted down.
@Suite struct SQLDateTests {
    @Test func knownDatesAreTheirText() {
        #expect(SQLDate.text(of: Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000")
        #expect(SQLDate.text(of: Date(timeIntervalSince1970: 1_795_937_400.9999)) == "2026-11-29 07:30:00.999")
        #expect(SQLDate.text(of: Date(timeIntervalSince1970: -0.0005)) == "1969-12-31 23:59:59.999")
        #expect(SQLDate.text(of: Date(timeIntervalSince1970: 951_868_799.25)) == "2000-02-29 23:59:59.250")
    }

    /// Every millisecond of a second read and written again is the same text: the read date lies
    /// a hair off its decimal value, and the writer must not truncate it to the millisecond before.
    @Test func readTextIsWrittenBackUnchanged() throws {
        var checked = 0
        for second in ["1970-01-01 00:00:00", "2026-12-03 00:15:07", "2099-12-31 23:59:59", "1969-12-31 23:59:58"] {
            for millisecond in 0..<1_000 {
                let text = second + "." + String(1_000 + millisecond).dropFirst()
                let date = try #require(SQLDate.date(from: text))
                #expect(SQLDate.text(of: date) == text)
                checked += 1
            }
        }
        #expect(checked == 4_000)
        #expect(SQLDate.text(of: try #require(SQLDate.date(from: "2026-12-03T00:15:07.4169Z"))) == "2026-12-03 00:15:07.416")
        #expect(SQLDate.text(of: try #require(SQLDate.date(from: "2026-12-03 00:15:07.5+01:00"))) == "2026-12-02 23:15:07.500")
    }
}
