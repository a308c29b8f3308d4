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
}
