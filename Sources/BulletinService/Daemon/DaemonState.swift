/// Where a `Daemon` is in its life. It moves one way: starting → watching → draining → stopped.
enum DaemonState: Equatable {
    /// Creating the folders, recording interrupted filings, watching and listing the inbox.
    case starting
    /// The loop turns: files are taken as they arrive.
    case watching
    /// A stop was asked for (`reason`): the batch in progress is finished, the summary written.
    case draining(reason: String)
    /// `run()` has returned.
    case stopped
}
