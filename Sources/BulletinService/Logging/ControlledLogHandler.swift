import Logging

/// A log handler whose metadata and level are its `settings`: `LogHandler`'s `metadata`,
/// `logLevel` and metadata subscript, written once here for the journal and the standard-error
/// handlers.
public protocol ControlledLogHandler: LogHandler {
    var settings: LogHandlerSettings { get set }
}

extension ControlledLogHandler {
    public var metadata: Logger.Metadata {
        get { settings.metadata }
        set { settings.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { settings.logLevel }
        set { settings.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { settings.metadata[key] }
        set { settings.metadata[key] = newValue }
    }
}
