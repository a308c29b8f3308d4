/// A problem with the configuration file or the command line's paths, positioned where possible.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` when there is no position.
    public var description: String {
        switch (line, column) {
        case let (l?, c?): return "\(file):\(l):\(c): \(message)"
        case let (l?, nil): return "\(file):\(l): \(message)"
        default: return "\(file): \(message)"
        }
    }
}
