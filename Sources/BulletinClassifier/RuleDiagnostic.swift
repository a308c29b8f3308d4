/// An error in a rules file, positioned in that file.
public struct RuleDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// All the errors found in a rules file (at least one).
public struct RulesError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [RuleDiagnostic]
    public init(diagnostics: [RuleDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
