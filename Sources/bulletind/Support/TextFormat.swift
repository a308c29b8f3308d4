#if canImport(Glibc)
import Glibc
#endif

/// printf-style numbers for the command line's text output, without Foundation's
/// `String(format:)`.
enum TextFormat {
    /// `format` filled with `arguments` by the C library (`%.1f`, `%3ld`, `%02ld`; integers are
    /// Swift `Int`s, so `%ld`). The same text `String(format:)` writes for these formats.
    static func printf(_ format: String, _ arguments: CVarArg...) -> String {
        let length = withVaList(arguments) { vsnprintf(nil, 0, format, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
