import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// `SharedWork`: each item once, results in order, and a caller that comes back early helps
/// while one that comes back late finds the work done.
@Suite struct SharedWorkTests {
    @Test func everyItemOnceInOrderWhateverTheHelpers() {
        for helpers in [0, 1, 3] {
            for count in [0, 1, 2, 33] {
                let calls = Counter()
                let work = SharedWork(Array(0..<count)) { item -> String in
                    calls.increment()
                    return "item \(item)"
                }
                work.start(helpers: helpers)
                #expect(work.finish() == (0..<count).map { "item \($0)" })
                #expect(calls.value == count)
            }
        }
    }

    /// The helper holds its first item until the caller has done every other one: the caller
    /// did not wait for the helper to work through the batch, it took the rest itself.
    @Test func aCallerBackEarlyTakesTheItemsLeft() {
        let caller = pthread_self()
        let helperHasOne = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let byCaller = Counter()
        let count = 12
        let work = SharedWork(Array(0..<count)) { item -> Int in
            if pthread_equal(pthread_self(), caller) != 0 {
                byCaller.increment()
                if byCaller.value == count - 1 { release.signal() }
            } else {
                helperHasOne.signal()
                release.wait()
            }
            return item * 2
        }
        work.start(helpers: 1)
        #expect(helperHasOne.wait(timeout: .now() + 30) == .success)
        #expect(work.finish() == (0..<count).map { $0 * 2 })
        #expect(byCaller.value == count - 1)
    }

    /// A caller that comes back after the helpers finished everything only collects.
    @Test func aCallerBackLateFindsTheWorkDone() throws {
        let caller = pthread_self()
        let done = Counter()
        let byCaller = Counter()
        let count = 20
        let work = SharedWork(Array(0..<count)) { item -> Int in
            if pthread_equal(pthread_self(), caller) != 0 { byCaller.increment() }
            done.increment()
            return item + 1
        }
        work.start(helpers: 2)
        let deadline = Date().addingTimeInterval(30)
        while done.value < count && Date() < deadline { usleep(1_000) }
        try #require(done.value == count)
        #expect(work.finish() == (1...count).map { $0 })
        #expect(byCaller.value == 0)
    }
}
