/// What other threads get of a running `Daemon`: a way to ask it to stop, as SIGTERM does (the
/// batch in progress is finished, the summary written, then `run()` returns 0). Safe from any
/// thread, any number of times, before or after the daemon stops.
public struct StopHandle: Sendable {
    let pipe: WakePipe

    public func stop() {
        pipe.wake()
    }
}
