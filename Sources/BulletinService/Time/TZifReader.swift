/// Reads the parts of a TZif file (RFC 8536) that give UTC offsets: for version 2 and later the
/// second, 64-bit header and data block and the footer; for version 1 the 32-bit block.
struct TZifReader {
    struct Parsed {
        var transitions: [Int64]
        var offsetsAfter: [Int32]
        var initialOffset: Int
        var footer: PosixTimeZone?
    }

    let bytes: [UInt8]
    private var index = 0
    /// What was wrong, when `parse` returns nil.
    private(set) var problem = ""

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The header's six counts, in the RFC's order.
    private struct Counts {
        var isUTC, isStandard, leap, time, type, characters: Int

        /// Bytes of the data block with `timeSize`-byte times.
        func dataSize(timeSize: Int) -> Int {
            time * timeSize + time + type * 6 + characters + leap * (timeSize + 4) + isStandard + isUTC
        }
    }

    mutating func parse() -> Parsed? {
        guard let (version, v1) = header() else { return nil }
        if version == 0 { return block(v1, timeSize: 4, footer: nil) }
        index += v1.dataSize(timeSize: 4)
        guard let (_, v2) = header() else { return nil }
        let dataStart = index
        index += v2.dataSize(timeSize: 8)
        // The footer: "\n" TZ string "\n" (an empty string: no rule).
        guard index < bytes.count, bytes[index] == 0x0A,
              let end = bytes[(index + 1)...].firstIndex(of: 0x0A) else { return fail("no footer") }
        let text = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        var footer: PosixTimeZone?
        if !text.isEmpty {
            guard let rule = PosixTimeZone(text) else { return fail("footer \"\(text)\" is not a POSIX TZ rule") }
            footer = rule
        }
        index = dataStart
        return block(v2, timeSize: 8, footer: footer)
    }

    private mutating func fail(_ message: String) -> Parsed? {
        problem = message
        return nil
    }

    /// "TZif", the version, 15 reserved bytes, six big-endian 32-bit counts.
    private mutating func header() -> (version: UInt8, counts: Counts)? {
        guard index + 44 <= bytes.count, Array(bytes[index..<index + 4]) == Array("TZif".utf8) else {
            problem = "no TZif header"
            return nil
        }
        let version = bytes[index + 4] == 0 ? 0 : bytes[index + 4] &- UInt8(ascii: "0")
        index += 20
        var values: [Int] = []
        for _ in 0..<6 { values.append(Int(read(4))) }
        let counts = Counts(isUTC: values[0], isStandard: values[1], leap: values[2], time: values[3],
                            type: values[4], characters: values[5])
        guard counts.type > 0, index + counts.dataSize(timeSize: version == 0 ? 4 : 8) <= bytes.count else {
            problem = "truncated data block"
            return nil
        }
        return (version, counts)
    }

    /// A big-endian signed number of `size` bytes.
    private mutating func read(_ size: Int) -> Int64 {
        var value: UInt64 = 0
        for byte in bytes[index..<index + size] { value = value << 8 | UInt64(byte) }
        index += size
        let shift = UInt64(64 - size * 8)
        return Int64(bitPattern: value << shift) >> Int64(shift)
    }

    private mutating func block(_ counts: Counts, timeSize: Int, footer: PosixTimeZone?) -> Parsed? {
        guard counts.leap == 0 else { return fail("leap-second (\"right/\") zones are not supported") }
        let transitions = (0..<counts.time).map { _ in read(timeSize) }
        let typeIndices = (0..<counts.time).map { _ in Int(read(1)) & 0xFF }
        var offsets: [Int32] = []
        for _ in 0..<counts.type {
            offsets.append(Int32(truncatingIfNeeded: read(4)))
            index += 2 // isdst, designation index
        }
        guard typeIndices.allSatisfy({ $0 < offsets.count }) else { return fail("a transition names a missing local time type") }
        return Parsed(transitions: transitions, offsetsAfter: typeIndices.map { offsets[$0] },
                      initialOffset: Int(offsets[0]), footer: footer)
    }
}
