import Foundation

extension Configuration {
    /// The configured time zone; `local` (or empty) means the machine's.
    public func resolvedTimeZone() throws -> TimeZone {
        if timeZone.isEmpty || timeZone == "local" { return .current }
        guard let zone = TimeZone(identifier: timeZone) else {
            throw ConfigurationError(file: "configuration", line: nil, column: nil,
                                     message: "unknown time zone \"\(timeZone)\" (use an IANA name such as Europe/Zurich, or \"local\")")
        }
        return zone
    }
}
