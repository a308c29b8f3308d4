/// A location (the `database` setting, `migrate --to`) that cannot be used as written: the
/// message says what to change, and never contains a password.
public struct ArchiveLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
