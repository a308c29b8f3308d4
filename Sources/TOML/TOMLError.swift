/// A problem in a TOML document, or a value of the wrong type, at a position in the file.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at position: TOMLPosition, _ message: String) {
        self.init(line: position.line, column: position.column, message: message)
    }

    public var position: TOMLPosition { TOMLPosition(line: line, column: column) }

    /// `line:column: message` (prefix it with the file name for `file:line:column: message`).
    public var description: String { "\(line):\(column): \(message)" }
}
