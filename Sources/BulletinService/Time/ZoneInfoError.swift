/// Why a named time zone could not be loaded; the description says what to do.
public enum ZoneInfoError: Error, Equatable, CustomStringConvertible {
    /// No such zone in the tz database.
    case unknown(String, directory: String)
    /// The tz database itself is missing (Debian: the `tzdata` package).
    case noDatabase(String)
    /// The file is not a TZif file this reader understands.
    case malformed(String, String)

    public var description: String {
        switch self {
        case .unknown(let name, let directory):
            "unknown time zone \"\(name)\" (no such zone in \(directory)): use an IANA name such as Europe/Zurich, or \"local\""
        case .noDatabase(let directory):
            "the time zone database \(directory) is missing: install it (Debian: apt-get install tzdata)"
        case .malformed(let path, let problem):
            "\(path) is not a time zone file bulletind can read: \(problem)"
        }
    }
}
