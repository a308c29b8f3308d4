import XCTest
@testable import BulletinStore

/// `StoryBandTable` against a plain dictionary over the same window: every key of the last
/// `window` articles answers with its newest article, older ones do not, across many sweeps.
final class StoryBandTableTests: XCTestCase {
    /// A deterministic stream of keys (SplitMix64), so a run is the same every time.
    struct Keys {
        var state: UInt64
        mutating func next() -> Int64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int64(bitPattern: z ^ (z >> 31))
        }
    }

    func testTheWindowAnswersAndForgetsLikeADictionary() {
        let window = 2_000
        let table = StoryBandTable()
        var reference: [Int64: UInt64] = [:]
        var keys = Keys(state: 7)
        var recent: [Int64] = []
        var sequence: UInt64 = 0
        // 40,000 articles of 16 keys: 640,000 inserts, several sweeps of the 524,288 slots.
        for _ in 0..<40_000 {
            var articleKeys: [Int64] = []
            for band in 0..<16 {
                // Some keys repeat a recent article's: the newer article takes the key over.
                let key = band == 0 && !recent.isEmpty && sequence % 3 == 0
                    ? recent[Int(sequence) % recent.count] : keys.next()
                articleKeys.append(key)
            }
            for key in articleKeys {
                let expected = reference[key].flatMap { sequence - $0 <= UInt64(window) ? $0 : nil }
                XCTAssertEqual(table.find(key, sequence: sequence, window: window), expected)
            }
            for key in articleKeys {
                table.insert(key, sequence: sequence, window: window)
                reference[key] = sequence
            }
            recent.append(articleKeys[1])
            if recent.count > 3 * window { recent.removeFirst(window) }
            sequence += 1
        }
        // Old keys are gone, the window's are all there.
        var stale = 0
        for (key, stored) in reference {
            let found = table.find(key, sequence: sequence, window: window)
            if sequence - stored <= UInt64(window) {
                XCTAssertEqual(found, stored)
            } else if found != nil {
                stale += 1
            }
        }
        XCTAssertEqual(stale, 0)
    }
}
