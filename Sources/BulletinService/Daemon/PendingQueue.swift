/// Inbox names waiting to be taken, first in first out; a name already waiting is not added
/// twice (inotify and a rescan often report the same file).
///
/// Memory: what the names waiting now take, plus the room of at most `keptRoom` names; a
/// backlog's room (20,000 names: ~0.9 MB of array and set storage, which removing names does
/// not give back) is released once the backlog has been taken.
struct PendingQueue: Sendable {
    /// The room (array slots, set capacity) an empty queue keeps, so that files arriving one at
    /// a time do not allocate at each file.
    static let keptRoom = 1024

    private var names: [String] = []
    private var head = 0
    private var waiting: Set<String> = []

    var isEmpty: Bool { head == names.count }
    var count: Int { names.count - head }

    /// The names the queue has room for without allocating: its array's and its set's
    /// capacity, the larger of the two.
    var room: Int { max(names.capacity, waiting.capacity) }

    mutating func add(_ name: String) {
        if waiting.insert(name).inserted { names.append(name) }
    }

    mutating func next() -> String? {
        guard head < names.count else { return nil }
        let name = names[head]
        head += 1
        waiting.remove(name)
        if head == names.count, room > Self.keptRoom {
            names = []
            waiting = []
            head = 0
        } else if head > 1024, head * 2 > names.count {
            names.removeFirst(head)
            head = 0
        }
        return name
    }
}
