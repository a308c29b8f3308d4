#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import CSystemd
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

    /// sd_journal_sendv with one iovec per field (sd_journal_send is variadic, not callable).
    static func send(_ fields: [String]) {
        let buffers = fields.map { Array($0.utf8) }
        var pointers: [UnsafeMutableRawPointer] = []
        defer { pointers.forEach { $0.deallocate() } }
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        for bytes in buffers {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { memory.copyMemory(from: base, byteCount: raw.count) }
            }
            pointers.append(memory)
            vectors.append(iovec(iov_base: memory, iov_len: bytes.count))
        }
        _ = vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }
}
