/// A `PageTemplate` that does not parse: where (1-based line and column, in bytes) and why.
struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var reason: String

    var description: String { "\(line):\(column): \(reason)" }
}
