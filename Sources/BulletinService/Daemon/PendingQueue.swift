/// Inbox names waiting to be taken, first in first out; a name already waiting is not added
/// twice (inotify and a rescan often report the same file).
struct PendingQueue: Sendable {
    private var names: [String] = []
    private var head = 0
    private var waiting: Set<String> = []

    var isEmpty: Bool { head == names.count }
    var count: Int { names.count - head }

    mutating func add(_ name: String) {
        if waiting.insert(name).inserted { names.append(name) }
    }

    mutating func next() -> String? {
        guard head < names.count else { return nil }
        let name = names[head]
        head += 1
        waiting.remove(name)
        if head > 1024, head * 2 > names.count {
            names.removeFirst(head)
            head = 0
        }
        return name
    }
}
