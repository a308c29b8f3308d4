/// One journal entry in the journal's native protocol (pure; no I/O): every `NAME=value` field
/// on a line of its own, and a field whose value holds a newline as `NAME`, a newline, the
/// value's length in bytes (64-bit little-endian), the value and a newline. journald reads one
/// such datagram from /run/systemd/journal/socket as one entry.
enum JournalDatagram {
    /// The datagram of `fields` (`NAME=value` each; a field without `=` is sent as it is, and
    /// journald drops it). With `cut`, a value longer than that many bytes keeps its first `cut`.
    static func encode(_ fields: [String], cut: Int? = nil) -> [UInt8] {
        var datagram: [UInt8] = []
        for field in fields {
            let bytes = Array(field.utf8)
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
                datagram += bytes + [UInt8(ascii: "\n")]
                continue
            }
            var value = bytes[(equals + 1)...]
            if let cut, value.count > cut { value = value.prefix(cut) }
            if value.contains(UInt8(ascii: "\n")) {
                datagram += bytes[..<equals]
                datagram.append(UInt8(ascii: "\n"))
                withUnsafeBytes(of: UInt64(value.count).littleEndian) { datagram += $0 }
            } else {
                datagram += bytes[...equals]
            }
            datagram += value
            datagram.append(UInt8(ascii: "\n"))
        }
        return datagram
    }
}
