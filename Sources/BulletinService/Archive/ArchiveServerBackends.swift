import Synchronization

/// The database-server backends this process holds, registered by its `main` before anything is
/// opened, and what it does for a location whose backend it lacks. Process-wide; safe to use
/// from any thread.
///
/// What a caller may rely on: `backend(for:setting:)` returns nil for a SQLite path, the
/// registered backend for a server location, and otherwise calls `handOff` (which replaces the
/// process and does not return when it succeeds) or throws `MissingArchiveBackend`.
public enum ArchiveServerBackends {
    /// Replaces this process by the executable that holds `kind`'s backend, with the same
    /// arguments and environment, or throws `MissingArchiveBackend` naming what it tried.
    public typealias HandOff = @Sendable (_ kind: ArchiveServerKind, _ setting: String) throws -> Never

    private struct Registry {
        var backends: [ArchiveServerKind: any ArchiveServerBackend] = [:]
        var handOff: HandOff?
    }

    private static let registry = Mutex(Registry())

    /// Makes `backend` the one for its kind (the executable's main; tests).
    public static func register(_ backend: any ArchiveServerBackend) {
        registry.withLock { $0.backends[backend.kind] = backend }
    }

    /// What to do for a location whose backend is not registered (the lean binary's main: run
    /// the sibling executable). Without one, such a location throws `MissingArchiveBackend`.
    public static func setHandOff(_ handOff: @escaping HandOff) {
        registry.withLock { $0.handOff = handOff }
    }

    /// The backends registered.
    public static var registered: [any ArchiveServerBackend] {
        registry.withLock { Array($0.backends.values) }
    }

    /// The backend registered for the server `location` names, if any; nil for a SQLite file.
    /// Never hands the process over.
    public static func registeredBackend(for location: String) -> (any ArchiveServerBackend)? {
        guard let kind = ArchiveServerKind(location: location) else { return nil }
        return registry.withLock { $0.backends[kind] }
    }

    /// The backend for `location`: nil for a SQLite file. For a server whose backend is not
    /// registered, hands the process over (`setHandOff`), which does not return when it works.
    /// - Parameter setting: what names the location, for messages (`the database setting`).
    /// - Throws: `MissingArchiveBackend`.
    public static func backend(for location: String, setting: String) throws -> (any ArchiveServerBackend)? {
        guard let kind = ArchiveServerKind(location: location) else { return nil }
        let (backend, handOff) = registry.withLock { ($0.backends[kind], $0.handOff) }
        if let backend { return backend }
        guard let handOff else { throw MissingArchiveBackend(kind: kind, setting: setting) }
        try handOff(kind, setting)
    }
}
