import Testing
@testable import BulletinService

/// The inbox queue: first in first out, no name twice, and a backlog's memory given back once
/// it has been taken (issue 14: the daemon's heap after a 20,000-file burst).
@Suite struct PendingQueueTests {
    @Test func namesComeOutInOrderOnceEach() {
        var queue = PendingQueue()
        for name in ["a", "b", "a", "c", "b"] { queue.add(name) }
        #expect(queue.count == 3)
        var taken: [String] = []
        while let name = queue.next() { taken.append(name) }
        #expect(taken == ["a", "b", "c"])
        #expect(queue.isEmpty)
        // Taken names may come again.
        queue.add("a")
        #expect(queue.next() == "a")
    }

    @Test func aBacklogsRoomIsGivenBackOnceItIsTaken() {
        var queue = PendingQueue()
        let names = (0..<20_000).map { "digest-\(3_000_000 + $0).txt" }
        for name in names { queue.add(name) }
        #expect(queue.room >= 20_000)
        var taken: [String] = []
        while let name = queue.next() {
            taken.append(name)
            // A name reported again while the backlog is taken is not queued twice.
            if taken.count == 10_000 { queue.add(names[15_000]) }
        }
        #expect(taken == names)
        #expect(queue.isEmpty)
        #expect(queue.room <= PendingQueue.keptRoom)
        // The queue works on after letting its room go.
        for name in names.prefix(3) { queue.add(name) }
        #expect(queue.next() == names[0])
        #expect(queue.count == 2)
    }

    /// Adds and takes mixed as a daemon does (names reported again while waiting, taken names
    /// coming back, long backlogs compacted on the way): the queue says what a plain array and
    /// set say, at every step.
    @Test func mixedAddsAndTakesMatchAnArrayAndASet() {
        var queue = PendingQueue()
        var expected: [String] = []
        var first = 0
        var waiting: Set<String> = []
        var state: UInt64 = 11
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var taken = 0
        var mismatches = 0
        var longest = 0
        for step in 0..<200_000 {
            // Long stretches of adds (a backlog), then of takes, over 20,000 names ("é" included).
            let adding = (step / 5_000) % 2 == 0 ? random(10) < 8 : random(10) < 2
            if adding {
                let name = "f-\(random(20_000))\(step % 7 == 0 ? "é" : "").txt"
                queue.add(name)
                if waiting.insert(name).inserted { expected.append(name) }
            } else {
                let name = queue.next()
                if name != (first < expected.count ? expected[first] : nil) { mismatches += 1 }
                if let name {
                    first += 1
                    waiting.remove(name)
                    taken += 1
                }
            }
            if queue.count != expected.count - first { mismatches += 1 }
            longest = max(longest, queue.count)
        }
        #expect(mismatches == 0)
        // The scenario ran: backlogs of thousands, most names taken.
        #expect(longest > 2_000)
        #expect(taken > 50_000)
        var rest: [String] = []
        while let name = queue.next() { rest.append(name) }
        #expect(rest == Array(expected[first...]))
    }

    @Test func aSmallQueueKeepsItsRoom() {
        var queue = PendingQueue()
        for i in 0..<100 { queue.add("f\(i).txt") }
        let room = queue.room
        while queue.next() != nil {}
        #expect(queue.room == room)
        #expect(room <= PendingQueue.keptRoom)
    }
}
