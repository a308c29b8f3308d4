/// Strings made from arrays of Unicode scalars by encoding them to UTF-8 directly.
/// `String(String.UnicodeScalarView(slice))` goes through unspecialised generic code, one
/// witness call per scalar, which was a tenth of a large day's summary time.
enum ScalarString {
    static func make(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func make(_ scalars: [Unicode.Scalar]) -> String {
        make(scalars[...])
    }
}
