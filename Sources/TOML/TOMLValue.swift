/// A TOML value with the position of its first character in the file.
public struct TOMLValue: Sendable {
    /// What the value holds. Arrays of tables are arrays whose elements are tables.
    public enum Content: Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public let content: Content
    /// Where the value starts (for a string, its opening quote; for a table, its header's
    /// `[` or its first key).
    public let position: TOMLPosition
    /// For strings: maps offsets in the content back to the file. Nil for other values.
    public let sourceMap: TOMLSourceMap?

    public init(_ content: Content, at position: TOMLPosition, sourceMap: TOMLSourceMap? = nil) {
        self.content = content
        self.position = position
        self.sourceMap = sourceMap
    }

    /// "a string", "an integer", "a float", "a boolean", "an array", "a table".
    public var typeDescription: String {
        switch content {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .array: "an array"
        case .table: "a table"
        }
    }

    /// The file position of the string content's scalar at `offset`; the value's own
    /// position for non-strings.
    public func position(ofScalarOffset offset: Int) -> TOMLPosition {
        sourceMap?.position(ofScalarOffset: offset) ?? position
    }

    private func mismatch(_ expected: String) -> TOMLError {
        TOMLError(at: position, "expected \(expected), found \(typeDescription)")
    }

    /// The string, or an error "expected a string, found …" at the value.
    public func string() throws(TOMLError) -> String {
        if case .string(let value) = content { return value }
        throw mismatch("a string")
    }

    /// The integer, or an error at the value.
    public func integer() throws(TOMLError) -> Int {
        if case .integer(let value) = content { return value }
        throw mismatch("an integer")
    }

    /// A number: floats as they are, integers converted. Error at the value otherwise.
    public func number() throws(TOMLError) -> Double {
        switch content {
        case .float(let value): return value
        case .integer(let value): return Double(value)
        default: throw mismatch("a number")
        }
    }

    /// The boolean, or an error at the value.
    public func boolean() throws(TOMLError) -> Bool {
        if case .boolean(let value) = content { return value }
        throw mismatch("a boolean")
    }

    /// The array's elements, or an error at the value.
    public func array() throws(TOMLError) -> [TOMLValue] {
        if case .array(let value) = content { return value }
        throw mismatch("an array")
    }

    /// An array of strings; the error points at the first element that is not a string.
    public func stringArray() throws(TOMLError) -> [String] {
        var result: [String] = []
        for element in try array() { result.append(try element.string()) }
        return result
    }

    /// The table, or an error at the value.
    public func table() throws(TOMLError) -> TOMLTable {
        if case .table(let value) = content { return value }
        throw mismatch("a table")
    }
}
