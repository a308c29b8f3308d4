/// Entry point of the TOML reader.
public enum TOMLDocument {
    /// Parses a TOML document (the TOML 1.0 subset without dates and times).
    ///
    /// Throws the first error found, positioned at the offending character. Never crashes on
    /// bad input; nesting of arrays and inline tables is limited to 100 levels.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(text)
        return try parser.parseDocument()
    }
}
