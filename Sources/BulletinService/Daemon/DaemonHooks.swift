import Foundation

/// What the daemon calls out to, injected by the command line.
public struct DaemonHooks: Sendable {
    /// Writes the summary of the local day containing the given date. A thrown error is
    /// logged and the summary is tried again after the next ingest.
    public var publishSummary: @Sendable (Date) throws -> Void
    /// Re-reads the configuration and the topic rules (SIGHUP). Throws → the old ones stay in
    /// force and the reason is shown in the log and in `systemctl status`.
    public var reload: @Sendable () throws -> (Configuration, Pipeline)

    public init(publishSummary: @escaping @Sendable (Date) throws -> Void,
                reload: @escaping @Sendable () throws -> (Configuration, Pipeline)) {
        self.publishSummary = publishSummary
        self.reload = reload
    }
}
