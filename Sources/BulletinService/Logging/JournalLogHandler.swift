#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Sends log messages to the systemd journal with structured fields (see `JournalFields`),
/// so `journalctl -u bulletind BULLETIN_FILE=…` finds one file's story.
public struct JournalLogHandler: ControlledLogHandler {
    public var settings: LogHandlerSettings
    public let identifier: String

    public init(label: String, level: Logger.Level? = nil, control: LogLevelControl = .shared, identifier: String = "bulletind") {
        settings = LogHandlerSettings(level: level, control: control)
        self.identifier = identifier
    }

    public func log(event: LogEvent) {
        let merged = event.metadata(over: settings.metadata)
        let fields = JournalFields.build(level: event.level, message: event.message.description, metadata: merged,
                                         identifier: identifier, file: event.file, function: event.function,
                                         line: event.line)
        Self.send(fields)
    }

    /// journald's socket for entries in the native protocol.
    static let socketPath = "/run/systemd/journal/socket"
    /// One socket for every entry, opened at the first (entries are datagrams: threads may share it).
    private static let socket = UnixDatagram.openSocket()

    /// Sends one entry (what `sd_journal_sendv` did, without libsystemd). An entry too large
    /// for one datagram (`EMSGSIZE`, `ENOBUFS`: the socket's send buffer, 208 KiB by default)
    /// is sent again with every value cut to its first 16 KiB. Returns 0 or the errno; a
    /// failure is not logged (there is nowhere left to say it).
    @discardableResult
    static func send(_ fields: [String], to path: String = socketPath) -> Int32 {
        guard socket >= 0 else { return EBADF }
        let sent = UnixDatagram.send(JournalDatagram.encode(fields), from: socket, to: path)
        guard sent == EMSGSIZE || sent == ENOBUFS else { return sent }
        return UnixDatagram.send(JournalDatagram.encode(fields, cut: 16_384), from: socket, to: path)
    }
}
