#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Base64 decoding of MIME bodies and encoded-words, through Foundation.
enum Base64 {
    /// Decodes base64 text spread over lines. Characters outside the alphabet (line breaks,
    /// spaces) are ignored, missing `=` padding is tolerated, and anything after the first
    /// padding is ignored. Returns nil only when nothing decodable remains.
    static func decode<C: Collection<UInt8>>(_ bytes: C) -> [UInt8]? {
        var clean: [UInt8] = []
        clean.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                clean.append(byte)
            case UInt8(ascii: "="):
                break
            default:
                continue
            }
            if byte == UInt8(ascii: "=") { break }
        }
        // A single dangling character carries no full byte.
        if clean.count % 4 == 1 { clean.removeLast() }
        while clean.count % 4 != 0 { clean.append(UInt8(ascii: "=")) }
        guard let data = Data(base64Encoded: Data(clean)) else { return nil }
        return [UInt8](data)
    }
}
