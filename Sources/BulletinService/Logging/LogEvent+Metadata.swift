import Logging

extension LogEvent {
    /// The handler's metadata with the event's own on top (the event wins), plus `error`
    /// when the event carries one: what every bulletind log handler writes out.
    func metadata(over handlerMetadata: Logger.Metadata) -> Logger.Metadata {
        var merged = handlerMetadata.merging(metadata ?? [:]) { $1 }
        if let error { merged["error"] = "\(error)" }
        return merged
    }
}
