import Foundation
import Crypto

/// The identity of a bulletin: the lower-case hexadecimal SHA-256 of the file's bytes.
///
/// Callers may rely on 64 lower-case hexadecimal characters, and on the same bytes giving
/// the same string in every version of bulletind (it is stored in `bulletin.content_hash`,
/// and a file whose hash is already stored is a duplicate).
public enum ContentHash {
    /// The content hash of `bytes` (`Data`, `[UInt8]`, …).
    public static func of<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal digits of a digest, two per byte.
    private static func hex(_ digest: SHA256.Digest) -> String {
        var characters = [UInt8]()
        characters.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            characters.append(hexDigits[Int(byte >> 4)])
            characters.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
