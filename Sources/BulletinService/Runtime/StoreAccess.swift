/// What a command does with the archive's database, which decides how `ServiceRuntime` opens it.
public enum StoreAccess: Sendable {
    /// Only reads it (`search`, `explain`, `stats`, `summary`, `reclassify`): a database that does
    /// not exist is an error (`MissingDatabase`), never created where the user did not mean to look.
    case existing
    /// Writes bulletins (`ingest`): the rules are loaded first, so a configuration that cannot
    /// work creates no database.
    case create
    /// The daemon: as `create`, and its commits never wait for a checkpoint (run in the
    /// background), for the latency of a single bulletin.
    case daemon
}
