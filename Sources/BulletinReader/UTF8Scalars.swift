/// The Unicode scalars of valid UTF-8 bytes, read where they lie, with O(1) access by byte
/// offset: positions are the bytes' offsets, a scalar is read at its first byte, and each of
/// its continuation bytes reads as `UTF8Scalars.continuation` (U+FFFF, a noncharacter), which
/// a reader skips. Scanning for ASCII markup (`<`, `>`, `&`, names) works unchanged, since
/// an ASCII byte is never part of a longer sequence.
///
/// Built to let `HTMLToText` scan a page without a second copy of it: an array of scalars
/// took four bytes per character (a 20 MB page made an 80 MB array), and even the narrowest
/// array one or two.
public struct UTF8Scalars: RandomAccessCollection {
    /// What a continuation byte reads as.
    public static let continuation: Unicode.Scalar = "\u{FFFF}"

    /// Must be valid UTF-8, and outlive the collection.
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { bytes.count }

    @inline(__always)
    public subscript(position: Int) -> Unicode.Scalar {
        let lead = bytes[position]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        if lead < 0xC0 { return Self.continuation }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard position + length <= bytes.count else { return "\u{FFFD}" }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
