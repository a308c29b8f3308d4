import Logging

/// What each of bulletind's log handlers keeps: its metadata, and its level — its own once set
/// (`logLevel = …`), until then the level of its `LogLevelControl`, read at every call (so a
/// reload's `log_level` reaches handlers made before it).
public struct LogHandlerSettings: Sendable {
    public var metadata: Logger.Metadata = [:]
    private var ownLevel: Logger.Level?
    private let control: LogLevelControl

    /// `level`: the handler's own level, or nil for the control's.
    public init(level: Logger.Level?, control: LogLevelControl) {
        self.ownLevel = level
        self.control = control
    }

    public var logLevel: Logger.Level {
        get { ownLevel ?? control.level }
        set { ownLevel = newValue }
    }
}
