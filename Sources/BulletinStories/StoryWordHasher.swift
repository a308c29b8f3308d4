/// `StoryText.words` hashed (`StorySignature.hash`), computed from the UTF-8 bytes without
/// making a string per word: the same values in the same order, for a title and lede that are
/// ASCII (nearly every newsletter item in English); nil when a non-ASCII byte comes before the
/// lede's last word, and the caller then takes the general path. The story words were a third
/// of the CPU an ingest spends per article before this (docs/PERFORMANCE.md).
enum StoryWordHasher {
    static func hashes(title: String, body: String) -> [UInt32]? {
        var state = State()
        guard state.scan(title.utf8, limit: Int.max), state.scan(body.utf8, limit: StoryText.ledeWords) else { return nil }
        return state.out
    }

    private static let stopWords: Set<UInt64> = Set(StopWords.english.map { fnv($0.utf8) })

    private static let suffixes: [([UInt8], [UInt8])] = [
        ("ations", "ate"), ("ation", "ate"), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"),
        ("edly", ""), ("ly", ""), ("ed", ""), ("es", ""), ("s", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func fnv<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private struct State {
        var out: [UInt32] = []
        var seen = Set<UInt64>()
        var word: [UInt8] = []

        /// Tokens of one text, as `StoryText.tokens`; false at a non-ASCII byte.
        mutating func scan(_ text: String.UTF8View, limit: Int) -> Bool {
            var count = 0
            var sentenceStart = true
            var capitalised = false
            var hasDigit = false
            word.removeAll(keepingCapacity: true)
            func flush(_ state: inout State) {
                guard !state.word.isEmpty else { return }
                state.take(isName: hasDigit || (capitalised && !sentenceStart))
                state.word.removeAll(keepingCapacity: true)
                count += 1
                sentenceStart = false
                capitalised = false
                hasDigit = false
            }
            for byte in text {
                if count >= limit { return true }
                switch byte {
                case 0x41...0x5A:
                    if word.isEmpty { capitalised = true }
                    word.append(byte + 0x20)
                case 0x61...0x7A: word.append(byte)
                case 0x30...0x39:
                    hasDigit = true
                    word.append(byte)
                case 0x80...:
                    return false
                default:
                    flush(&self)
                    if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A { sentenceStart = true }
                }
            }
            if count < limit { flush(&self) }
            return true
        }

        /// `StoryText.content` and the dedup of `StoryText.words` for the current word.
        mutating func take(isName: Bool) {
            guard word.count > 1, !StoryWordHasher.stopWords.contains(StoryWordHasher.fnv(word)) else { return }
            var stemmed = word
            if word.count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                for (suffix, replacement) in StoryWordHasher.suffixes
                where word.count - suffix.count >= 3 && word.suffix(suffix.count).elementsEqual(suffix) {
                    stemmed = Array(word.dropLast(suffix.count)) + replacement
                    break
                }
            }
            let h = StoryWordHasher.fnv(stemmed)
            guard seen.insert(h).inserted else { return }
            out.append(UInt32(truncatingIfNeeded: h ^ (h >> 32)))
            if isName {
                stemmed.append(UInt8(ascii: "#"))
                let named = StoryWordHasher.fnv(stemmed)
                out.append(UInt32(truncatingIfNeeded: named ^ (named >> 32)))
            }
        }
    }
}
