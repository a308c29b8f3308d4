/// A location needs a database server whose backend this process does not hold, and it could
/// not hand the work to the executable that holds it (`ArchiveServerBackends.handOff`). The message
/// names the setting, the executable and where it was looked for, and what to do.
public struct MissingArchiveBackend: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server kind the location names.
    public var kind: ArchiveServerKind
    /// What names the location, for the message: `the database setting`, `--to`.
    public var setting: String
    /// The executable's path that was tried, when a hand-off was attempted.
    public var executable: String?
    /// Why that executable could not be run (`no such file`), when a hand-off was attempted.
    public var reason: String?

    public init(kind: ArchiveServerKind, setting: String, executable: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.setting = setting
        self.executable = executable
        self.reason = reason
    }

    public var description: String {
        let needs = "\(setting) names a \(kind.rawValue) server, and this binary holds the SQLite backend only"
        guard let executable else {
            return "\(needs): run \(kind.executableName) instead"
        }
        return "\(needs); it runs \(kind.executableName) for \(kind.rawValue), but cannot run \(executable): "
            + "\(reason ?? "unknown error") — install \(kind.executableName) beside bulletind (make install puts both in the same folder)"
    }
}
