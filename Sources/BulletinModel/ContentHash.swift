#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The identity of a bulletin: the lower-case hexadecimal SHA-256 of the file's bytes.
///
/// Callers may rely on 64 lower-case hexadecimal characters, and on the same bytes giving
/// the same string in every version of bulletind (it is stored in `bulletin.content_hash`,
/// and a file whose hash is already stored is a duplicate): the digest is `SHA256`'s, the
/// same as swift-crypto's that bulletind used before and `sha256sum`'s.
public enum ContentHash {
    /// The content hash of `bytes` (`Data`, `[UInt8]`, …).
    public static func of<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        var hasher = SHA256()
        for region in bytes.regions {
            region.withUnsafeBytes { hasher.update($0) }
        }
        return hex(hasher.finalize())
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal digits of a digest, two per byte.
    static func hex(_ digest: [UInt8]) -> String {
        var characters = [UInt8]()
        characters.reserveCapacity(digest.count * 2)
        for byte in digest {
            characters.append(hexDigits[Int(byte >> 4)])
            characters.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
