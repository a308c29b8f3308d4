import Foundation
import Testing
@testable import BulletinStore

/// The hand-written JSON of matched terms: the same bytes as `JSONEncoder`, and read back.
@Suite struct JSONArrayTests {
    static let samples: [[String]] = [
        [],
        [""],
        ["AI", "data centre", "chip*"],
        ["quote \" and backslash \\", "slash / and tab \t", "new\nline\r"],
        ["\u{00}\u{01}\u{08}\u{0B}\u{0C}\u{1F}\u{7F}", "é", "数据", "👩‍💻", "\u{2028}"],
    ]

    @Test(arguments: samples) func sameBytesAsJSONEncoder(_ strings: [String]) throws {
        let expected = String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
        #expect(Store.jsonArray(strings) == expected)
        #expect(Store.decodeJSONArray(Store.jsonArray(strings)) == strings)
    }

    @Test func everyControlCharacterRoundTrips() throws {
        let strings = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        let expected = String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
        #expect(Store.jsonArray(strings) == expected)
    }
}
