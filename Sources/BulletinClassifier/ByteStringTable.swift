/// An immutable hash table giving each of a set of byte strings (normalised words or
/// prefixes) a dense id, `0..<count` in the order the keys were given, and two numbers
/// chosen by the caller.
///
/// A lookup first tests one bit of a filter of ~16 bits per key (a key that is not in the
/// table passes with a chance of ~6%), then probes a compact array of 8-byte slots (a 32-bit tag of the key's hash and the
/// key's id), at most half full, so that a table of tens of thousands of keys stays in the
/// L2 cache: a key that is not in the table (most words of a text) usually costs one cache
/// line of it. Only when a tag matches is the key's record read (its first 16 bytes, length,
/// id and numbers, stored by id) and compared (keys longer than 16 bytes also compare their
/// tail). A `Key` is computed once per word of a text and gives the keys of the word's
/// prefixes cheaply, so a word and all its prefixes can be looked up together.
struct ByteStringTable: Sendable {
    /// A byte string ready for lookup: its first 16 bytes as two little-endian words
    /// (zero-padded), its length and its hash.
    struct Key {
        var head0: UInt64
        var head1: UInt64
        var length: Int
        var hash: UInt64

        /// The key of `bytes`.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            length = bytes.count
            (head0, head1) = Self.heads(bytes)
            hash = Self.hash(head0, head1, length, bytes)
        }

        private init(head0: UInt64, head1: UInt64, length: Int, hash: UInt64) {
            (self.head0, self.head1, self.length, self.hash) = (head0, head1, length, hash)
        }

        /// The key of the first `length` bytes of `bytes`, whose key is `self`.
        @inline(__always)
        func prefix(_ length: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Key {
            guard length <= 16 else { return Key(UnsafeBufferPointer(rebasing: bytes[0..<length])) }
            let (head0, head1) = length <= 8
                ? (self.head0 & Self.lowBytes(length), UInt64(0))
                : (self.head0, self.head1 & Self.lowBytes(length - 8))
            return Key(head0: head0, head1: head1, length: length, hash: Self.hash(head0, head1, length, bytes))
        }

        /// A mask of the low `count` bytes (0...8) of a word.
        @inline(__always)
        private static func lowBytes(_ count: Int) -> UInt64 {
            count >= 8 ? ~0 : (1 << (UInt64(count) * 8)) &- 1
        }

        @inline(__always)
        private static func heads(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            guard let base = bytes.baseAddress else { return (0, 0) }
            if bytes.count >= 16 {
                let raw = UnsafeRawPointer(base)
                return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            }
            var heads: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &heads) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return (UInt64(littleEndian: heads.0), UInt64(littleEndian: heads.1))
        }

        /// Mixes the heads, the length and (past 16) the remaining bytes of `bytes`.
        @inline(__always)
        private static func hash(_ head0: UInt64, _ head1: UInt64, _ length: Int,
                                 _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var hash = (head0 &* 0x9E37_79B9_7F4A_7C15) ^ (head1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            if length > 16 {
                for index in 16..<length { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3 }
            }
            hash ^= hash >> 29
            hash &*= 0xBF58_476D_1CE4_E5B9
            return hash ^ (hash >> 32)
        }
    }

    /// What a lookup finds: the key's id and the numbers given with it.
    struct Entry {
        var id: Int32
        var first: Int32
        var second: Int32
    }

    /// A probe slot: the tag of a key's hash (never 0) and the key's id; tag 0 when empty.
    private struct Slot {
        var tag: UInt32 = 0
        var id: Int32 = -1
    }

    /// What a tag match is checked against, by key id.
    private struct Record {
        var head0: UInt64
        var head1: UInt64
        var length: Int32
        var entry: Entry
    }

    /// One bit per hash value modulo its size, set for each key's hash.
    private let filter: [UInt64]
    /// Open addressing, linear probing; at most half full.
    private let slots: [Slot]
    private let shift: UInt64
    private let records: [Record]
    /// The bytes past the 16th of the long keys: key `i`'s are `tails[tailStart[i]..<tailStart[i + 1]]`.
    private let tails: [UInt8]
    private let tailStart: [Int32]

    let count: Int

    /// `keys` must be distinct and not empty; `values[i]` are the numbers of `keys[i]`.
    init(keys: [[UInt8]], values: [(first: Int32, second: Int32)]) {
        var bits: UInt64 = 1
        while (1 << bits) < keys.count * 2 { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        let mask = slots.count - 1
        var records: [Record] = []
        records.reserveCapacity(keys.count)
        var filterWords = 1
        while filterWords * 64 < keys.count * 16 { filterWords *= 2 }
        var filter = [UInt64](repeating: 0, count: filterWords)
        var tails: [UInt8] = []
        var tailStart: [Int32] = [0]
        tailStart.reserveCapacity(keys.count + 1)
        for (id, key) in keys.enumerated() {
            precondition(!key.isEmpty, "ByteStringTable keys are never empty")
            let lookup = key.withUnsafeBufferPointer { Key($0) }
            var slot = Self.slot(lookup.hash, shift: 64 - bits)
            while slots[slot].tag != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(tag: Self.tag(lookup.hash), id: Int32(id))
            let bit = Self.filterBit(lookup.hash, words: filterWords)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            records.append(Record(head0: lookup.head0, head1: lookup.head1, length: Int32(key.count),
                                  entry: Entry(id: Int32(id), first: values[id].first, second: values[id].second)))
            if key.count > 16 { tails.append(contentsOf: key[16...]) }
            tailStart.append(Int32(tails.count))
        }
        self.filter = filter
        self.slots = slots
        self.shift = 64 - bits
        self.records = records
        self.tails = tails
        self.tailStart = tailStart
        self.count = keys.count
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> shift)
    }

    /// The low 32 bits of the hash (the slot comes from the high bits), never 0.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash) | 1
    }

    /// The filter bit of a hash (from bits the slot and the tag leave to chance).
    @inline(__always)
    private static func filterBit(_ hash: UInt64, words: Int) -> Int {
        Int(truncatingIfNeeded: hash >> 20) & (words * 64 - 1)
    }

    /// The entry of the key `key` made of `bytes`; nil when it is not in the table.
    @inline(__always)
    func find(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> Entry? {
        let bit = Self.filterBit(key.hash, words: filter.count)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        let tag = Self.tag(key.hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(key.hash, shift: shift)
            while true {
                let candidate = slots[slot]
                if candidate.tag == 0 { return nil }
                if candidate.tag == tag {
                    let record = records[Int(candidate.id)]
                    if record.head0 == key.head0 && record.head1 == key.head1 && Int(record.length) == key.length
                        && (key.length <= 16 || tailEquals(Int(candidate.id), bytes)) {
                        return record.entry
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func tailEquals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(tailStart[id])
        for index in 16..<bytes.count where tails[start + index - 16] != bytes[index] { return false }
        return true
    }
}
