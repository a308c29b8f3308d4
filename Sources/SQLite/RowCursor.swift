/// The rows of one run of a statement of its own, read one at a time: memory does not grow with
/// the number of rows. Valid inside the read or write that made it (the connection's
/// transaction); the statement is finalized with the cursor.
public final class RowCursor {
    private let statement: Statement

    init(statement: Statement, arguments: [any SQLValueConvertible]) throws {
        self.statement = statement
        try statement.bind(arguments)
    }

    /// The next row, or nil when there are no more (the run is then reset).
    public func next() throws -> Row? {
        guard try statement.step() else {
            statement.reset()
            return nil
        }
        return statement.row()
    }
}
