#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A named time zone read from the system's tz database (TZif files, RFC 8536, under
/// /usr/share/zoneinfo: Debian's `tzdata` package), without ICU: the UTC offset at any instant.
///
/// Callers may rely on the offsets the tz database gives: the 64-bit (version 2+) transitions,
/// and after the last one the footer's POSIX rule (`PosixTimeZone`); before the first
/// transition, the file's first local time type. Leap-second ("right/") files are refused.
public struct ZoneInfo: Sendable, Equatable {
    /// The name it was loaded by: `Europe/Berlin`, `UTC`; for the machine's zone, the name
    /// /etc/localtime (or `TZ`) points at.
    public let identifier: String
    /// Transition instants (seconds since the epoch, ascending) and the offset from each on.
    private let transitions: [Int64]
    private let offsetsAfter: [Int32]
    /// The offset before the first transition.
    private let initialOffset: Int
    /// The rule after the last transition (nil: the last transition's offset stays).
    private let footer: PosixTimeZone?

    /// Where the tz database lives.
    public static let defaultDirectory = "/usr/share/zoneinfo"

    /// UTC, which needs no file.
    public static let utc = ZoneInfo(identifier: "UTC", fixedOffset: 0)

    /// A zone with one offset for all time.
    init(identifier: String, fixedOffset: Int) {
        self.identifier = identifier
        transitions = []
        offsetsAfter = []
        initialOffset = fixedOffset
        footer = nil
    }

    /// Loads `identifier` (an IANA name such as `Europe/Berlin`) from `directory`.
    public init(identifier: String, directory: String = ZoneInfo.defaultDirectory) throws(ZoneInfoError) {
        guard Self.isPlausibleName(identifier) else { throw .unknown(identifier, directory: directory) }
        let path = directory + "/" + identifier
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: directory) { throw .noDatabase(directory) }
            throw .unknown(identifier, directory: directory)
        }
        try self.init(identifier: identifier, tzif: [UInt8](data), path: path)
    }

    /// Parses the TZif bytes of a file (`path` is for messages).
    init(identifier: String, tzif bytes: [UInt8], path: String) throws(ZoneInfoError) {
        var reader = TZifReader(bytes: bytes)
        guard let parsed = reader.parse() else { throw .malformed(path, reader.problem) }
        self.identifier = identifier
        transitions = parsed.transitions
        offsetsAfter = parsed.offsetsAfter
        initialOffset = parsed.initialOffset
        footer = parsed.footer
    }

    /// The machine's zone: `TZ` when it names a zone (`Europe/Berlin`, `:Europe/Berlin`),
    /// else the file /etc/localtime (named after the zone its link points at), else UTC.
    public static func machine(environment: [String: String] = ProcessInfo.processInfo.environment,
                               directory: String = ZoneInfo.defaultDirectory,
                               localtime: String = "/etc/localtime") -> ZoneInfo {
        if var name = environment["TZ"], !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            if let zone = try? ZoneInfo(identifier: name, directory: directory) { return zone }
        }
        guard let data = FileManager.default.contents(atPath: localtime) else { return .utc }
        var name = "localtime"
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtime),
           let after = zoneName(inLinkTarget: target) {
            name = after
        }
        return (try? ZoneInfo(identifier: name, tzif: [UInt8](data), path: localtime)) ?? .utc
    }

    /// Seconds east of UTC at `seconds` since the epoch.
    public func offset(at seconds: Int64) -> Int {
        guard let first = transitions.first, seconds >= first else { return initialOffset }
        if seconds >= transitions[transitions.count - 1], let footer { return footer.offset(at: seconds) }
        // The last transition at or before `seconds`.
        var low = 0, high = transitions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle] <= seconds { low = middle } else { high = middle - 1 }
        }
        return Int(offsetsAfter[low])
    }

    /// Letters, digits and `/_+-.` without `..`: a name under the directory, never a path out of it.
    /// (Byte by byte: `String.contains(_:)` and `firstRange(of:)` come from _StringProcessing,
    /// whose code the daemon's start would otherwise fault in for this alone.)
    static func isPlausibleName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/") else { return false }
        var previous: UInt8 = 0
        for byte in name.utf8 {
            let allowed = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "/_+-.".utf8.contains(byte)
            guard allowed, !(byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".")) else { return false }
            previous = byte
        }
        return true
    }

    /// What follows the first `zoneinfo/` in the target of /etc/localtime's link
    /// (`/usr/share/zoneinfo/Europe/Zurich` → `Europe/Zurich`), or nil.
    static func zoneName(inLinkTarget target: String) -> String? {
        let bytes = Array(target.utf8)
        let marker = Array("zoneinfo/".utf8)
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) {
            return String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        }
        return nil
    }

    public static func == (a: ZoneInfo, b: ZoneInfo) -> Bool {
        a.identifier == b.identifier && a.transitions == b.transitions && a.offsetsAfter == b.offsetsAfter
            && a.initialOffset == b.initialOffset && a.footer == b.footer
    }
}
