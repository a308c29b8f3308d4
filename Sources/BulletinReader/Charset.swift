/// A character encoding the reader can decode, named by its canonical lower-case label.
///
/// `init(label:)` accepts the usual aliases (`utf8`, `latin1`, `cp1252`, `latin9`…),
/// case-insensitively and with surrounding quotes or spaces. `iso-8859-1` and `us-ascii`
/// are decoded as Windows-1252, as browsers and mail clients do, because mislabelled
/// cp1252 text is far more common than real C1 control characters.
enum Charset: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case usASCII = "us-ascii"
    case latin1 = "iso-8859-1"
    case windows1252 = "windows-1252"
    case latin9 = "iso-8859-15"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case utf16 = "utf-16"

    /// Recognises a charset label such as `UTF-8`, `"iso-8859-1"` or `cp1252`; nil when unknown.
    init?(label: String) {
        var name = label.lowercased()
        name = String(name.unicodeScalars.filter { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "\t" })
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": self = .usASCII
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819":
            self = .latin1
        case "windows-1252", "cp1252", "x-cp1252", "win-1252": self = .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9": self = .latin9
        case "utf-16le": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }
}
