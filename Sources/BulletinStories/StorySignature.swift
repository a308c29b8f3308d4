/// What the story clustering keeps of one article: the hashes of its story words
/// (`StoryText.words`), and the locality-sensitive band keys under which it is indexed so
/// that articles sharing many words find each other.
///
/// Callers may rely on: the same title and body giving the same signature in every version of
/// bulletind that keeps `version` (the words and band keys are stored); `words` sorted and
/// distinct; `bandKeys` holding `bands` values, distinct per band (the band's number is mixed in).
public struct StorySignature: Sendable, Equatable {
    /// Changes whenever the words, the hash or the banding change (stored signatures of another
    /// version would no longer meet new ones).
    public static let version = 1
    /// MinHash bands × rows per band: `bands * rows` min-hashes of the word set. Two articles
    /// whose word sets have Jaccard similarity s share at least one band key with probability
    /// 1 − (1 − s²)^bands: 0.73 at s = 0.2, 0.95 at s = 0.3, > 0.99 at s = 0.4.
    public static let bands = 32
    public static let rows = 2

    /// 32-bit hashes of the story words, sorted ascending, distinct.
    public let words: [UInt32]
    /// One key per band; empty when the article has no story words.
    public let bandKeys: [Int64]

    /// The signature of an article (title and body; only the body's first `StoryText.ledeWords`
    /// words count).
    public init(title: String, body: String) {
        self.init(words: StoryWordHasher.hashes(title: title, body: body)
                  ?? StoryText.words(title: title, body: body).map(StorySignature.hash))
    }

    /// A signature from word hashes (e.g. read back with `init(packed:)`).
    public init(words: [UInt32]) {
        let sorted = Array(Set(words)).sorted()
        self.words = sorted
        bandKeys = sorted.isEmpty ? [] : StorySignature.bandKeys(sorted)
    }

    /// The words as bytes for the database: 4 bytes each, little-endian.
    public var packed: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 4)
        for word in words {
            bytes.append(UInt8(truncatingIfNeeded: word))
            bytes.append(UInt8(truncatingIfNeeded: word >> 8))
            bytes.append(UInt8(truncatingIfNeeded: word >> 16))
            bytes.append(UInt8(truncatingIfNeeded: word >> 24))
        }
        return bytes
    }

    /// The word hashes of `packed` bytes (a trailing partial word is ignored).
    public static func words<Bytes: Collection>(packed bytes: Bytes) -> [UInt32] where Bytes.Element == UInt8 {
        let array = Array(bytes)
        var words: [UInt32] = []
        words.reserveCapacity(array.count / 4)
        var i = 0
        while i + 4 <= array.count {
            var word = UInt32(array[i])
            word |= UInt32(array[i + 1]) << 8
            word |= UInt32(array[i + 2]) << 16
            word |= UInt32(array[i + 3]) << 24
            words.append(word)
            i += 4
        }
        return words
    }

    /// FNV-1a (64-bit) of the word's UTF-8, folded to 32 bits: stable across runs and platforms
    /// (Swift's `Hasher` is seeded per process, so it cannot be stored).
    static func hash(_ word: String) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// SplitMix64's finaliser: a good 64-bit mix, used as the family of hash permutations.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func bandKeys(_ words: [UInt32]) -> [Int64] {
        var keys: [Int64] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var key = UInt64(band) &* 0x1000_0000_01B3
            for row in 0..<rows {
                let seed = mix(UInt64(band * rows + row) &+ 0x5EED)
                var minimum = UInt64.max
                for word in words { minimum = min(minimum, mix(UInt64(word) ^ seed)) }
                key = mix(key ^ minimum)
            }
            keys.append(Int64(bitPattern: key))
        }
        return keys
    }
}
