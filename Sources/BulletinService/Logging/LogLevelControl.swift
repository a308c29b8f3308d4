import Logging
import Synchronization

/// The level below which the journal and standard-error handlers drop messages, shared by every
/// logger of the process and changed while it runs: set from `log_level` at start and at each
/// reload, unless `--verbose` or `--quiet` fixed it on the command line.
///
/// Reading it is one atomic load (every log call asks, including the ones it drops).
public final class LogLevelControl: Sendable {
    private let raw: Atomic<Int>

    public init(_ level: Logger.Level = .info) {
        raw = Atomic(Self.index(level))
    }

    /// The process's control, which `LoggingSetup.bootstrap` gives its handlers.
    public static let shared = LogLevelControl()

    public var level: Logger.Level {
        get { Logger.Level.allCases[raw.load(ordering: .relaxed)] }
        set { raw.store(Self.index(newValue), ordering: .relaxed) }
    }

    private static func index(_ level: Logger.Level) -> Int {
        Logger.Level.allCases.firstIndex(of: level) ?? 2
    }

    /// The names `log_level` takes: swift-log's (`trace`, `debug`, `info`, `notice`, `warning`,
    /// `error`, `critical`), and `warn` for `warning`.
    public static func level(named name: String) -> Logger.Level? {
        if name.lowercased() == "warn" { return .warning }
        return Logger.Level(rawValue: name.lowercased())
    }

    public static let names = "trace, debug, info, notice, warning, error or critical"
}
