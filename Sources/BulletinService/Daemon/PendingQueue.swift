/// Inbox names waiting to be taken, first in first out; a name already waiting is not added
/// twice (inotify and a rescan often report the same file).
///
/// Memory: the names are kept as their UTF-8 bytes end to end, with where each ends and a
/// table of their positions for "is it waiting already?" (open addressing, at most half full):
/// about 40 bytes a name of 20 characters, where an array and a set of `String`s took ~120
/// (20,000 waiting names: ~0.8 MB instead of ~2.4 MB). A backlog's room is released once the
/// backlog has been taken; an empty queue keeps room for at most `keptRoom` names.
struct PendingQueue: Sendable {
    /// The room an empty queue keeps, so that files arriving one at a time do not allocate at
    /// each file.
    static let keptRoom = 1024

    /// The waiting names' UTF-8, in queue order (the names before `head` were taken, and are
    /// dropped by `compact()`).
    private var bytes: [UInt8] = []
    /// Where each name ends in `bytes`.
    private var ends: [UInt32] = []
    /// The position in `ends` of the next name to take.
    private var head = 0
    /// Open addressing by the name's hash: 0 an empty slot, `removed` a taken name's, else the
    /// name's position in `ends` plus one. A power of two long, or empty.
    private var slots: [Int32] = []
    /// Slots that are not empty (waiting names and taken names' marks).
    private var filled = 0
    private static let removed: Int32 = -1

    var isEmpty: Bool { head == ends.count }
    var count: Int { ends.count - head }

    /// The names the queue has room for without allocating its lists again (at least).
    var room: Int { max(ends.capacity, slots.count / 2) }

    mutating func add(_ name: String) {
        if (filled + 1) * 2 > slots.count { rebuild(slotCount: Self.slotCount(for: count + 1)) }
        var name = name
        name.withUTF8 { utf8 in
            let mask = slots.count - 1
            var index = Self.hash(utf8) & mask
            var reusable: Int?
            while slots[index] != 0 {
                let slot = slots[index]
                if slot == Self.removed {
                    if reusable == nil { reusable = index }
                } else if bytesOfName(at: Int(slot) - 1).elementsEqual(utf8) {
                    return  // waiting already
                }
                index = (index + 1) & mask
            }
            bytes.append(contentsOf: utf8)
            ends.append(UInt32(bytes.count))
            if let reusable {
                index = reusable
            } else {
                filled += 1
            }
            slots[index] = Int32(ends.count)
        }
    }

    mutating func next() -> String? {
        guard head < ends.count else { return nil }
        let name = String(decoding: bytesOfName(at: head), as: UTF8.self)
        // Its slot gets the mark of a taken name: the names after it in the probe stay found.
        let mask = slots.count - 1
        var index = hashOfName(at: head) & mask
        while slots[index] != Int32(head + 1) { index = (index + 1) & mask }
        slots[index] = Self.removed
        head += 1
        if head == ends.count {
            if room > Self.keptRoom {
                self = PendingQueue()
            } else {
                bytes.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                for index in slots.indices { slots[index] = 0 }
                filled = 0
                head = 0
            }
        } else if head > 1024, head * 2 > ends.count {
            compact()
        }
        return name
    }

    /// The bytes of the name at `position` in `ends`.
    private func bytesOfName(at position: Int) -> ArraySlice<UInt8> {
        bytes[Int(position == 0 ? 0 : ends[position - 1])..<Int(ends[position])]
    }

    /// The hash of the name at `position` in `ends` (the one `add` gave it).
    private func hashOfName(at position: Int) -> Int {
        bytesOfName(at: position).withUnsafeBufferPointer { Self.hash($0) }
    }

    /// Drops the names taken so far, then indexes the waiting ones again.
    private mutating func compact() {
        let dropped = Int(ends[head - 1])
        bytes.removeFirst(dropped)
        ends = ends[head...].map { $0 - UInt32(dropped) }
        head = 0
        rebuild(slotCount: Self.slotCount(for: count))
    }

    /// A table of `slotCount` slots holding the waiting names (the taken names' marks go).
    private mutating func rebuild(slotCount: Int) {
        slots = Array(repeating: 0, count: slotCount)
        filled = 0
        let mask = slotCount - 1
        for position in head..<ends.count {
            var index = hashOfName(at: position) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(position + 1)
            filled += 1
        }
    }

    /// Slots for `names` waiting names: a quarter full, so that many more fit before the next
    /// rebuild.
    private static func slotCount(for names: Int) -> Int {
        var slots = 16
        while slots < names * 4 { slots *= 2 }
        return slots
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }
}
