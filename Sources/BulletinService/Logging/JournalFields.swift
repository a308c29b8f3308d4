import Logging

/// The journal entry for one log message, as `FIELD=value` strings (pure; no I/O).
///
/// Always `MESSAGE=`, `PRIORITY=` (syslog level from `Logger.Level`), `SYSLOG_IDENTIFIER=`,
/// `CODE_FILE=`, `CODE_LINE=`, `CODE_FUNC=`; then one field per metadata key, named in upper
/// case with every character outside `[A-Z0-9_]` turned into `_` (`bulletin_file` →
/// `BULLETIN_FILE`). A name that would start with a digit or `_`, or collide with the fields
/// above, gets a `META_` prefix; names are cut to 64 characters. Sorted by metadata key.
public enum JournalFields {
    public static func build(level: Logger.Level, message: String, metadata: Logger.Metadata,
                             identifier: String = "bulletind", file: String = "", function: String = "",
                             line: UInt = 0) -> [String] {
        var fields = [
            "MESSAGE=\(message)",
            "PRIORITY=\(priority(level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
        ]
        if !file.isEmpty {
            fields += ["CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)"]
        }
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            fields.append("\(fieldName(key))=\(value)")
        }
        return fields
    }

    /// syslog(3) priorities: 7 debug … 2 critical.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    private static let reserved: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "MESSAGE_ID",
    ]

    /// A valid journal field name for a metadata key.
    public static func fieldName(_ key: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in key.uppercased().unicodeScalars {
            let ok = (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
            scalars.append(ok ? scalar : "_")
        }
        var name = String(scalars)
        if name.isEmpty || name.first == "_" || name.first?.isNumber == true || reserved.contains(name) {
            name = "META_" + name
        }
        return String(name.prefix(64))
    }
}
