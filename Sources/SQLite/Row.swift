/// One result row, read out of its statement: it stays valid after the statement moves on.
///
/// Columns are found by name (the name SQLite reports: the `AS` alias, else the column's name)
/// or by index. Reading a column that does not exist, or a value that cannot be the type asked
/// for (NULL for a non-optional type, text for an integer…), is a programming error and stops
/// the program with the column's name, as GRDB's rows did; ask for an `Optional` where NULL
/// may occur.
public struct Row: Sendable {
    /// The column names, shared by the rows of one query.
    public let columns: [String]
    /// The values, in column order.
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the column named `name`, converted to `T`.
    public subscript<T: SQLValueConvertible>(_ name: String) -> T {
        guard let index = columns.firstIndex(of: name) else {
            fatalError("no column '\(name)' in a row of \(columns)")
        }
        return self[index]
    }

    /// The value of the column at `index`, converted to `T`.
    public subscript<T: SQLValueConvertible>(_ index: Int) -> T {
        guard let value = T(sqlValue: values[index]) else {
            fatalError("column '\(columns[index])' holds \(values[index]), which is not a \(T.self)")
        }
        return value
    }
}
