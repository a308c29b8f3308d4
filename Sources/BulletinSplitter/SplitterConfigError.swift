/// A splitter pattern that is not a valid regular expression.
public struct SplitterConfigError: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    public init(pattern: String, message: String) {
        self.pattern = pattern
        self.message = message
    }
    public var description: String { "invalid pattern \"\(pattern)\": \(message)" }
}
