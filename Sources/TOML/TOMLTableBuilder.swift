/// A table while the document is being read: mutable, shared by reference, and knowing
/// how it was defined so that redefinitions can be rejected.
final class TOMLTableBuilder {
    enum Origin {
        /// Created as a parent of a header or dotted key; may still be defined by a header.
        case implicit
        /// Defined by a `[header]` or as an element of `[[header]]`.
        case header
        /// Created by a dotted key (`a.b = 1`); may only be extended by dotted keys.
        case dottedKey
        /// An inline table `{ … }`: stored as a value once read, so it cannot be extended.
        case inline
    }

    enum Slot {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TOMLTableArrayBuilder)
    }

    struct Entry {
        var key: String
        var keyPosition: TOMLPosition
        var slot: Slot
    }

    var origin: Origin
    var position: TOMLPosition
    private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]

    init(origin: Origin, position: TOMLPosition) {
        self.origin = origin
        self.position = position
    }

    func entry(_ key: String) -> Entry? { index[key].map { entries[$0] } }

    func add(_ key: String, at keyPosition: TOMLPosition, _ slot: Slot) {
        index[key] = entries.count
        entries.append(Entry(key: key, keyPosition: keyPosition, slot: slot))
    }

    /// The finished, immutable table.
    func build() -> TOMLTable {
        TOMLTable(entries: entries.map { entry in
            let value: TOMLValue
            switch entry.slot {
            case .value(let plain): value = plain
            case .table(let builder): value = TOMLValue(.table(builder.build()), at: builder.position)
            case .tableArray(let array):
                value = TOMLValue(
                    .array(array.tables.map { TOMLValue(.table($0.build()), at: $0.position) }),
                    at: array.position)
            }
            return TOMLTable.Entry(key: entry.key, keyPosition: entry.keyPosition, value: value)
        }, position: position)
    }
}

/// An array of tables (`[[name]]`) while the document is being read.
final class TOMLTableArrayBuilder {
    var tables: [TOMLTableBuilder] = []
    let position: TOMLPosition

    init(position: TOMLPosition) { self.position = position }
}
