import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// `ParallelMap` on plain threads: every item once, in order, whatever the number of items.
@Suite struct ParallelMapTests {
    @Test func mapsEveryItemOnceInOrder() {
        for count in [0, 1, 2, 3, 32, 1_000] {
            let items = Array(0..<count)
            let calls = Counter()
            let output = ParallelMap.map(items) { item -> String in
                calls.increment()
                return "item \(item)"
            }
            #expect(output == items.map { "item \($0)" })
            #expect(calls.value == count)
        }
    }

    /// When there are cores to spare, items of one call run on more than one thread.
    @Test func moreThanOneThreadWorksWhenCoresAllow() {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        let threads = ThreadNames()
        _ = ParallelMap.map(Array(0..<64)) { item -> Int in
            threads.record()
            usleep(2_000)  // long enough for the helper threads to start and claim items
            return item
        }
        #expect(threads.count > 1)
    }
}

/// A count several threads add to (`ParallelMapTests`, `SharedWorkTests`).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<UInt64>()
    var count: Int { lock.withLock { seen.count } }
    func record() {
        let id = UInt64(pthread_self())
        _ = lock.withLock { seen.insert(id) }
    }
}
