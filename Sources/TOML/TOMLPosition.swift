/// A place in a TOML file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars from the start of the line (a tab counts as one).
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`
    public var description: String { "\(line):\(column)" }
}
