/// Lists of lists stored as one array plus the start of each list, so that reading a list
/// follows no pointer and neighbouring lists share cache lines. Immutable once built.
struct FlatLists<Element: Sendable>: Sendable {
    /// List `i` is `elements[starts[i]..<starts[i + 1]]`.
    private let starts: [Int32]
    private let elements: [Element]

    init(_ lists: [[Element]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        self.starts = starts
        self.elements = Array(lists.joined())
    }

    /// List `index`.
    @inline(__always)
    subscript(index: Int) -> ArraySlice<Element> {
        elements[Int(starts[index])..<Int(starts[index + 1])]
    }
}
