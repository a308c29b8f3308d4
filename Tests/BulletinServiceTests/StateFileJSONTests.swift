import Foundation
import Testing
@testable import BulletinService

/// The state file written by hand (`StateFileJSON`) is byte for byte what `JSONEncoder` wrote
/// for it before, and reads back as the same state.
@Suite struct StateFileJSONTests {
    /// The encoder the state file was written with until `StateFileJSON` replaced it.
    func byEncoder(_ state: ServiceState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(state)
    }

    static let texts = [
        "", "plain", "/var/lib/bulletind/inbox/a b.txt", "say \"hi\" \\ back\\slash",
        "tab\tnew\nline\rcr\u{08}bs\u{0C}ff\u{01}\u{1F}\u{7F}", "Zürich — 東京 🌍", "slash/at/end/",
    ]

    /// Times with and without fractions of a second, before 1970, in a leap year, at midnight.
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_937_400),
        Date(timeIntervalSince1970: 1_795_937_400.999), Date(timeIntervalSince1970: 1_709_164_799.5),
        Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: -1.25),
        Date(timeIntervalSince1970: -86_400 * 365.0), Date(timeIntervalSince1970: 4_102_444_800.001),
    ]

    static let seconds: [Double] = [0, 1, 0.02, 0.1 + 0.2, 1e-7, 123_456.789, 3e21, 2.5]

    func trouble(_ i: Int) -> ServiceState.Trouble {
        ServiceState.Trouble(at: Self.dates[i % Self.dates.count], kind: ["file-waiting", "paused", "inbox-lost"][i % 3],
                             name: i % 2 == 0 ? nil : Self.texts[i % Self.texts.count],
                             message: Self.texts[(i + 3) % Self.texts.count])
    }

    /// The `i`th of many states: every optional present or absent as `i`'s bits say, arrays
    /// empty or not, strings and dates from the lists above.
    func state(_ i: Int) -> ServiceState {
        let text = { (k: Int) in Self.texts[(i + k) % Self.texts.count] }
        let date = { (k: Int) in Self.dates[(i + k) % Self.dates.count] }
        let bit = { (b: Int) in i >> b & 1 == 1 }
        var state = ServiceState(pid: Int32(i * 97), processStart: bit(0) ? UInt64(i) * 1_000_003 : nil,
                                 since: date(0), inbox: text(1), database: text(2), rules: text(3),
                                 quarantined: i % 4, day: bit(1) ? "" : "2026-12-0\(i % 9 + 1)")
        state.version = 1 + i % 2
        state.updated = date(1)
        state.rulesLoaded = date(2)
        state.phase = [.starting, .watching, .paused, .waitingForDatabase, .stopping, .stopped][i % 6]
        if bit(2) {
            state.lastReload = ServiceState.Reload(at: date(3), failed: bit(3), error: bit(3) ? text(4) : nil,
                                                   location: bit(4) ? text(5) : nil)
        }
        if bit(3) {
            state.lastBulletin = ServiceState.Bulletin(
                name: text(6), outcome: ["stored", "duplicate", "quarantined"][i % 3],
                cause: bit(4) ? text(0) : nil, reason: bit(5) ? text(1) : nil,
                articles: bit(0) ? i * 3 : nil, newArticles: bit(1) ? -i : nil, at: date(4),
                seconds: Self.seconds[i % Self.seconds.count])
        }
        if bit(4) { state.lastSuccess = date(5) }
        state.today = ServiceState.Today(date: text(2), articles: i * 11, bulletins: i, duplicates: i / 2,
                                         quarantined: i / 3)
        state.quarantine.newest = (0..<(i % 4)).map {
            ServiceState.Quarantined(name: text($0), cause: ($0 + i) % 2 == 0 ? nil : "rejected", reason: text($0 + 1),
                                     at: date($0))
        }
        state.backlog = ServiceState.Backlog(queued: i % 5, waiting: i % 3, waitingFiles: (0..<(i % 3)).map(trouble))
        if bit(5) { state.paused = trouble(i) }
        if bit(6) { state.databaseUnreachable = trouble(i + 1) }
        state.errors = (0..<(i % 5)).map { trouble(i + $0) }
        return state
    }

    @Test func manyStatesAreWrittenAsTheEncoderWroteThemAndReadBack() throws {
        for i in 0..<256 {
            let state = state(i)
            let written = try state.encoded()
            let expected = try byEncoder(state)
            #expect(written == expected, "state \(i):\n\(String(decoding: written, as: UTF8.self))\n---\n\(String(decoding: expected, as: UTF8.self))")
            guard written == expected else { return }
            let read = try ServiceState.decode(written)
            // The file keeps whole seconds: compare with the dates counted down to them.
            #expect(try byEncoder(read) == expected)
            if state.since.timeIntervalSince1970.rounded(.down) == state.since.timeIntervalSince1970,
               state.updated.timeIntervalSince1970.rounded(.down) == state.updated.timeIntervalSince1970 {
                #expect(read.since == state.since && read.updated == state.updated)
            }
        }
    }

    @Test func aStateOfWholeSecondsReadsBackEqual() throws {
        var state = ServiceState(pid: 812, processStart: 99, since: Date(timeIntervalSince1970: 1_795_937_400),
                                 inbox: "/in", database: "/var/b.sqlite", rules: "/etc/topics.toml", quarantined: 2,
                                 day: "2026-11-29")
        state.lastBulletin = ServiceState.Bulletin(name: "a \"b\".txt", outcome: "stored", cause: nil, reason: nil,
                                                   articles: 3, newArticles: 2,
                                                   at: Date(timeIntervalSince1970: 1_795_937_401), seconds: 0.25)
        state.errors = [trouble(1)]
        state.errors[0].at = Date(timeIntervalSince1970: 1_795_937_402)
        #expect(try ServiceState.decode(state.encoded()) == state)
        #expect(try state.encoded() == byEncoder(state))
    }

    @Test func aDurationThatIsNotFiniteThrowsAsTheEncoderDid() {
        var state = state(8)
        state.lastBulletin?.seconds = .infinity
        #expect(throws: (any Error).self) { try byEncoder(state) }
        #expect(throws: (any Error).self) { try state.encoded() }
    }
}
