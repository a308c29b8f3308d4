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

    @Test func aSmallQueueKeepsItsRoom() {
        var queue = PendingQueue()
        for i in 0..<100 { queue.add("f\(i).txt") }
        let room = queue.room
        while queue.next() != nil {}
        #expect(queue.room == room)
        #expect(room <= PendingQueue.keptRoom)
    }
}
