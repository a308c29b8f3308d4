import CSHA256

/// SHA-256 as FIPS 180-4 (section 6.2) defines it, fed in pieces.
///
/// Callers may rely on the standard digest (the FIPS and NIST test vectors, and `sha256sum`
/// on the same bytes), however the message is cut into `update` calls. This is the only
/// cryptographic primitive bulletind needs, for identity rather than security (the content
/// hash and the article fingerprint), so it is written here instead of linking a crypto
/// library and the full Foundation such libraries import. The compression function runs on
/// the CPU's SHA extensions where it has them (x86-64 SHA-NI: CSHA256), else in portable Swift;
/// both give the same digest.
public struct SHA256: Sendable {
    /// The digest's length in bytes.
    public static let byteCount = 32

    /// Whether this CPU has the x86 SHA extensions, which `init()` then uses (asked once).
    public static let cpuExtensionsAvailable = csha256_cpu_has_extensions() != 0

    /// The working hash value H(i) (section 5.3.3 gives H(0)).
    private var state = State()
    /// The bytes of an unfinished 64-byte block (fewer than 64).
    private var pending: [UInt8] = []
    /// The message length so far in bytes.
    private var length: UInt64 = 0
    /// Whether blocks are compressed on the CPU's SHA extensions.
    public let usesCPUExtensions: Bool

    /// A new message, hashed on the CPU's SHA extensions when it has them.
    public init() {
        self.init(cpuExtensions: Self.cpuExtensionsAvailable)
    }

    /// A new message, hashed on the CPU's SHA extensions or in portable Swift (to compare the
    /// two). `cpuExtensions` may be true only when `cpuExtensionsAvailable` is.
    public init(cpuExtensions: Bool) {
        precondition(!cpuExtensions || Self.cpuExtensionsAvailable, "SHA256: this CPU has no SHA extensions")
        usesCPUExtensions = cpuExtensions
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            offset = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: offset))
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { state.compress($0.baseAddress!, blocks: 1, cpuExtensions: usesCPUExtensions) }
            pending.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            state.compress(base + offset, blocks: blocks, cpuExtensions: usesCPUExtensions)
            offset += blocks * 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of the message so far (section 5.1.1 padding: a 1 bit, zeros, and
    /// the length in bits as a 64-bit big-endian number). The value itself is left as it is.
    public func finalize() -> [UInt8] {
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = length &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        var final = state
        tail.withUnsafeBytes { block in
            final.compress(block.baseAddress!, blocks: block.count / 64, cpuExtensions: usesCPUExtensions)
        }
        return final.bigEndianBytes
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// H(i): eight 32-bit words, and the compression function that turns H(i-1) into H(i).
    private struct State: Sendable {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        var bigEndianBytes: [UInt8] {
            var bytes = [UInt8]()
            bytes.reserveCapacity(SHA256.byteCount)
            for word in [a, b, c, d, e, f, g, h] {
                bytes.append(UInt8(truncatingIfNeeded: word >> 24))
                bytes.append(UInt8(truncatingIfNeeded: word >> 16))
                bytes.append(UInt8(truncatingIfNeeded: word >> 8))
                bytes.append(UInt8(truncatingIfNeeded: word))
            }
            return bytes
        }

        /// The compression function applied to `blocks` consecutive 64-byte blocks at `start`.
        mutating func compress(_ start: UnsafeRawPointer, blocks: Int, cpuExtensions: Bool) {
            guard cpuExtensions else {
                for block in 0..<blocks { compress(start + block * 64) }
                return
            }
            var words = (a, b, c, d, e, f, g, h)
            withUnsafeMutableBytes(of: &words) { raw in
                csha256_compress_blocks(
                    raw.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    start.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (a, b, c, d, e, f, g, h) = words
        }

        /// Section 6.2.2 in portable Swift: the message schedule W of one 64-byte block at
        /// `block`, then the 64 rounds, then the sum into H.
        mutating func compress(_ block: UnsafeRawPointer) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                }
                for t in 16..<64 {
                    let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = self.a, b = self.b, c = self.c, d = self.d
                var e = self.e, f = self.f, g = self.g, h = self.h
                // K (section 4.2.2), from CSHA256: one table for both ways of compressing.
                let k = csha256_round_constants()!
                for t in 0..<64 {
                    let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let choose = (e & f) ^ (~e & g)
                    let t1 = h &+ sum1 &+ choose &+ k[t] &+ w[t]
                    let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = sum0 &+ majority
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
                self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
                self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
            }
        }

        @inline(__always)
        private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    }
}
