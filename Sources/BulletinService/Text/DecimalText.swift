#if canImport(Glibc)
import Glibc
#endif

/// A number with a fixed count of decimals, as C's `printf("%.*f")` writes it (the C library's
/// correctly rounded conversion, `.` as the point): what `String(format: "%.1f", value)` gave
/// us, without full Foundation.
enum DecimalText {
    /// `fixed(1.25, digits: 1)` is `"1.2"` (the double nearest 1.25 is exactly 1.25, rounded to
    /// even), `fixed(0.15, digits: 1)` is `"0.1"` (0.1499…), `fixed(99.5, digits: 0)` is `"100"`.
    static func fixed(_ value: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 350)
        let count = withVaList([Int32(digits), value]) { arguments in
            vsnprintf(&buffer, buffer.count, "%.*f", arguments)
        }
        guard count >= 0 else { return "\(value)" }
        let bytes = buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
