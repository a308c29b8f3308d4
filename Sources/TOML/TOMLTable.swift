/// A TOML table: its keys in file order, each with the key's position and its value.
public struct TOMLTable: Sendable {
    /// One `key = value` (or sub-table) of the table.
    public struct Entry: Sendable {
        public let key: String
        /// Where the key is written (for a sub-table defined by a header, the header's key).
        public let keyPosition: TOMLPosition
        public let value: TOMLValue
    }

    /// The entries in the order their keys first appear in the file.
    public let entries: [Entry]
    /// Where the table starts: its header's `[`, the `{` of an inline table, or 1:1 for the root.
    public let position: TOMLPosition
    private let index: [String: Int]

    public init(entries: [Entry], position: TOMLPosition) {
        self.entries = entries
        self.position = position
        var index: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() where index[entry.key] == nil {
            index[entry.key] = offset
        }
        self.index = index
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    public var isEmpty: Bool { entries.isEmpty }

    /// The value for `key`, or nil when the key is absent.
    public subscript(key: String) -> TOMLValue? { entry(key)?.value }

    /// The entry (key position and value) for `key`, or nil when absent.
    public func entry(_ key: String) -> Entry? {
        index[key].map { entries[$0] }
    }

    /// One error "unknown key 'name'" per key not in `allowed`, at the key, in file order.
    public func unknownKeys(allowed: Set<String>) -> [TOMLError] {
        entries.filter { !allowed.contains($0.key) }.map {
            TOMLError(at: $0.keyPosition, "unknown key '\($0.key)'")
        }
    }

    // Typed look-ups: nil when the key is absent; a positioned error when of the wrong type.

    public func string(_ key: String) throws(TOMLError) -> String? { try self[key]?.string() }
    public func integer(_ key: String) throws(TOMLError) -> Int? { try self[key]?.integer() }
    /// Accepts integers and floats.
    public func number(_ key: String) throws(TOMLError) -> Double? { try self[key]?.number() }
    public func boolean(_ key: String) throws(TOMLError) -> Bool? { try self[key]?.boolean() }
    public func array(_ key: String) throws(TOMLError) -> [TOMLValue]? { try self[key]?.array() }
    public func stringArray(_ key: String) throws(TOMLError) -> [String]? { try self[key]?.stringArray() }
    public func table(_ key: String) throws(TOMLError) -> TOMLTable? { try self[key]?.table() }

    /// The tables of an array of tables (`[[key]]`); empty when absent.
    public func tableArray(_ key: String) throws(TOMLError) -> [TOMLTable] {
        guard let value = self[key] else { return [] }
        var tables: [TOMLTable] = []
        for element in try value.array() { tables.append(try element.table()) }
        return tables
    }
}
