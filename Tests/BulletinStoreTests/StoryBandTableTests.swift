import XCTest
@testable import BulletinStore

/// `StoryBandTable` against a plain dictionary over the same window: every key of the last
/// `window` articles answers with its newest article and older ones do not, across many sweeps
/// and wraps of the stored sequence numbers, except for the rare identity collisions the table
/// documents (counted here); no answer is ever outside the window.
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

    /// What a run against the dictionary counted.
    struct Run {
        var lookups = 0
        /// Answers other than the dictionary's (identity collisions).
        var differences = 0
        /// Answers outside the window: never allowed.
        var outsideWindow = 0
        /// Keys of the window that did not answer with their article at the end.
        var missingAtEnd = 0
        /// Expired keys that answered at the end (with a collider's article).
        var expiredAnswering = 0
        var largestOverflow = 0
    }

    /// `articles` articles of `keysPerArticle` keys, some repeating a recent article's key (the
    /// newer article takes it over); each key looked up before the article's inserts.
    func run(_ table: StoryBandTable, window: Int, articles: Int, keysPerArticle: Int, seed: UInt64) -> Run {
        var result = Run()
        var reference: [Int64: UInt64] = [:]
        var keys = Keys(state: seed)
        var recent: [Int64] = []
        var sequence: UInt64 = 0
        func check(_ key: Int64, expected: UInt64?) -> UInt64? {
            let found = table.find(key, sequence: sequence, window: window)
            result.lookups += 1
            if found != expected { result.differences += 1 }
            if let found, !(found < sequence && sequence - found <= UInt64(window)) { result.outsideWindow += 1 }
            return found
        }
        for _ in 0..<articles {
            var articleKeys: [Int64] = []
            for band in 0..<keysPerArticle {
                let key = band == 0 && !recent.isEmpty && sequence % 3 == 0
                    ? recent[Int(sequence) % recent.count] : keys.next()
                articleKeys.append(key)
            }
            for key in articleKeys {
                _ = check(key, expected: reference[key].flatMap { sequence - $0 <= UInt64(window) ? $0 : nil })
            }
            for key in articleKeys {
                table.insert(key, sequence: sequence, window: window)
                reference[key] = sequence
            }
            result.largestOverflow = max(result.largestOverflow, table.overflow.count)
            recent.append(articleKeys[1])
            if recent.count > 3 * window { recent.removeFirst(window) }
            sequence += 1
        }
        for (key, stored) in reference {
            let inWindow = sequence - stored <= UInt64(window)
            let found = check(key, expected: inWindow ? stored : nil)
            if inWindow && found != stored { result.missingAtEnd += 1 }
            if !inWindow && found != nil { result.expiredAnswering += 1 }
        }
        return result
    }

    func testTheWindowAnswersAndForgetsLikeADictionary() {
        // 40,000 articles of 16 keys: 640,000 inserts, many sweeps and wraps (2^14).
        let run = run(StoryBandTable(), window: 2_000, articles: 40_000, keysPerArticle: 16, seed: 7)
        XCTAssertEqual(run.outsideWindow, 0)
        XCTAssertEqual(run.largestOverflow, 0)
        // 6 % of the slots live: about 16 × 0.06 × 2^-18 ≈ 4e-6 collisions per lookup.
        XCTAssertLessThanOrEqual(run.differences, run.lookups / 10_000, "\(run)")
        XCTAssertLessThanOrEqual(run.missingAtEnd, 3, "\(run)")
    }

    /// The index's own load: 10,000 articles of 32 keys in the window, 61 % of the slots live.
    func testTheFullWindowOfTheIndexFitsWithFewCollisions() {
        let window = StoryBandIndex.window
        let run = run(StoryBandTable(), window: window, articles: 25_000, keysPerArticle: 32, seed: 11)
        XCTAssertEqual(run.outsideWindow, 0)
        // Two choices of 8 slots: the fullest few of the 65,536 buckets fill up, no more.
        XCTAssertLessThanOrEqual(run.largestOverflow, 32, "\(run)")
        // The documented ~3.7e-5 per lookup; at most 1e-4.
        XCTAssertGreaterThan(run.lookups, 1_000_000)
        XCTAssertLessThanOrEqual(run.differences, run.lookups / 10_000, "\(run)")
        XCTAssertLessThanOrEqual(run.missingAtEnd, window * 32 / 10_000, "\(run)")
        print("StoryBandTable at the full window: \(run)")
    }

    /// A small table, so most keys go to the overflow: it answers exactly, and expiring it keeps
    /// it near the window's keys.
    func testTheOverflowAnswersAndExpires() {
        let table = StoryBandTable(bucketBits: 4)  // 128 slots for 800 live keys
        let run = run(table, window: 200, articles: 6_000, keysPerArticle: 4, seed: 3)
        XCTAssertEqual(run.outsideWindow, 0)
        XCTAssertGreaterThan(run.largestOverflow, 600)
        XCTAssertLessThanOrEqual(run.largestOverflow, 2 * 800 + 1_024)
        XCTAssertLessThanOrEqual(run.differences, run.lookups / 10_000, "\(run)")
    }

    /// Keys inserted once, 200,000 articles (12 wraps of the 14 bits kept): each key answers for
    /// exactly `window` articles, then never again, whatever its age modulo 2^14.
    func testNoKeyAnswersAfterTheWindowAcrossManyWraps() {
        let window = StoryBandIndex.window
        let wrap = 1 << Int(StoryBandTable.sequenceBits)
        let table = StoryBandTable()
        var keys = Keys(state: 5)
        var articleKeys: [[Int64]] = []
        // Ages at which an expired entry would look young if it had not been cleared before its
        // number wrapped, and the window's edges.
        let ages = [1, window, window + 1, wrap - 1, wrap, wrap + 1, wrap + window / 2, wrap + window,
                    2 * wrap + 3, 3 * wrap + window - 1]
        var answeredInWindow = 0, lookedUpInWindow = 0, expiredAnswering = 0, aliases = 0
        for article in 0..<200_000 {
            let sequence = UInt64(article)
            for age in ages where age <= article {
                do {
                    let key = articleKeys[article - age][0]
                    let found = table.find(key, sequence: sequence, window: window)
                    if age <= window {
                        lookedUpInWindow += 1
                        if found == sequence - UInt64(age) { answeredInWindow += 1 }
                    } else if let found {
                        expiredAnswering += 1
                        // An entry read back with a wrapped number: never.
                        if (sequence - found) % UInt64(wrap) == UInt64(age % wrap) { aliases += 1 }
                    }
                }
            }
            let fresh = [keys.next(), keys.next()]
            for key in fresh { table.insert(key, sequence: sequence, window: window) }
            articleKeys.append(fresh)
        }
        XCTAssertEqual(aliases, 0)
        // A collider's article at most (20,000 live keys, 4 % of the slots: ~2.3e-6 per lookup).
        XCTAssertLessThanOrEqual(expiredAnswering, 1_400_000 / 100_000, "of 1.4 million lookups")
        XCTAssertGreaterThanOrEqual(answeredInWindow, lookedUpInWindow - lookedUpInWindow / 100_000)
        print("StoryBandTable past the wraps: \(expiredAnswering) expired keys answered (collisions), "
              + "\(lookedUpInWindow - answeredInWindow) of \(lookedUpInWindow) in the window did not")
        XCTAssertEqual(table.overflow.count, 0)

        // Far ahead of the last insert, and after a jump of the inserted numbers: nothing old answers.
        let last = UInt64(articleKeys.count)
        let window64 = UInt64(window)
        let recent = articleKeys.suffix(window).flatMap { $0 }
        XCTAssertEqual(recent.filter { table.find($0, sequence: last + 3 * window64, window: window) != nil }.count, 0)
        table.insert(keys.next(), sequence: last + UInt64(wrap) + 5, window: window)
        XCTAssertEqual(recent.filter { table.find($0, sequence: last + UInt64(wrap) + 6, window: window) != nil }.count, 0)
    }
}
