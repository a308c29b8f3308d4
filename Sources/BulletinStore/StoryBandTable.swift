#if canImport(Glibc)
import Glibc
#endif

/// `StoryBandIndex`'s table: band key → the sequence number of the newest article indexed under
/// it among the last `window`, in a fixed block of 4-byte slots (2 MiB), plus an exact overflow
/// that stays practically empty. Not thread-safe (the index holds its lock).
///
/// Layout: 2^16 buckets of 8 slots (32 bytes each). A key's hash gives two buckets and an
/// 18-bit print (never 0); a slot holds the print and the low 14 bits of the article's sequence
/// number (0: empty). An insert overwrites the slot of either bucket that has the key's print,
/// else takes an empty or expired slot of the bucket with fewer live entries, else (both full of
/// live entries) records the key in the overflow, an exact dictionary. Of the index's 320,000
/// live keys at most (10,000 articles of 32 keys) the 2^19 slots hold 61 %; with two choices
/// of 8 only the fullest few of the 65,536 buckets fill up at that load, and the overflow holds
/// a handful of keys (`StoryBandTableTests` counts them). A bit per bucket says whether the
/// overflow may hold a key of it, so a lookup asks the dictionary only then.
///
/// What a caller may rely on:
/// - **No expired entry ever answers**: `find` answers only with a sequence number among the
///   last `window` before the one it is given. The stored numbers wrap (modulo 2^14), so every
///   expired entry is cleared before its number could look young again: a sweep of the block
///   and the overflow runs when an insert's number is 2^14 past the oldest number a slot may
///   hold (every 2^14 − `window` articles: 6,385 with the index's 10,000). `window` must be
///   below 2^14, and sequence numbers must never decrease from one insert to the next.
/// - A key of the window answers with its newest article, except after an **identity
///   collision**: another key with a live entry in one of its buckets under the same print.
///   At the full window (61 % of the slots live) that is about 16 × 0.61 × 2^-18 ≈ 3.7e-5 per
///   lookup or insert (measured: `StoryBandTableTests`), so about one article in 850 meets one
///   among its 32 lookups, and as many among its 32 inserts.
///   A lookup then answers with the other key's article: a false hint, which the store's
///   comparison of the stored words rejects. An insert then overwrites the other key's entry:
///   that key loses its hint to its article for this one band (its 31 other bands still
///   answer). That is the price of 4-byte slots; the 8-byte slots before were ~3e-7.
/// - Memory is fixed: the block is mapped at `init` (its pages become resident as keys land in
///   them), the overflow's marks take 8 KiB, and the overflow is expired when it reaches
///   `overflowSweepAt` entries (doubled while half of it is still live), so it holds at most
///   about twice the keys that overflowed within the window.
final class StoryBandTable {
    /// Low bits of the sequence number a slot keeps: a window is shorter than 2^14 articles.
    static let sequenceBits: UInt32 = 14
    /// Bits of the key's hash a slot keeps, beside its two buckets.
    static let printBits: UInt32 = 18
    static let slotsPerBucket = 8
    /// Buckets of the table in use: 2^16 of 8 slots of 4 bytes, 2 MiB.
    static let bucketBits = 16
    private static let sequenceMask: UInt32 = (1 << sequenceBits) - 1
    private static let printMask: UInt64 = (1 << UInt64(printBits)) - 1

    /// Bytes of the block.
    let bytes: Int
    private let bucketMask: UInt64
    private let slots: UnsafeMutablePointer<UInt32>
    private let slotCount: Int
    /// Keys whose two buckets were full of live entries: key → full sequence number.
    /// (`@exclusivity(unchecked)`: the table is used under the index's lock, and the runtime's
    /// access checks on every lookup cost more than the lookup.)
    @exclusivity(unchecked) private(set) var overflow: [Int64: UInt64] = [:]
    /// One bit per bucket: set when a key whose first bucket it is may be in the overflow, so a
    /// lookup asks the dictionary only then.
    private let overflowMarks: UnsafeMutablePointer<UInt64>
    private let markWords: Int
    /// Overflow entries at which the expired ones are removed.
    @exclusivity(unchecked) private(set) var overflowSweepAt = 1_024
    /// The newest sequence number inserted: stored numbers are read back relative to it.
    @exclusivity(unchecked) private var latest: UInt64 = 0
    /// No entry is older than this: a sweep runs before `latest` is 2^14 past it.
    @exclusivity(unchecked) private var oldest: UInt64 = 0

    /// A table of 2^`bucketBits` buckets (16 in use; tests make small ones to fill them).
    init(bucketBits: Int = StoryBandTable.bucketBits) {
        precondition(bucketBits >= 1 && bucketBits <= 16, "a bucket number takes 16 bits of the hash")
        slotCount = (1 << bucketBits) * Self.slotsPerBucket
        bytes = slotCount * MemoryLayout<UInt32>.size
        bucketMask = UInt64((1 << bucketBits) - 1)
        // Mapped rather than from malloc: zero, page-aligned (a bucket never straddles a cache
        // line), resident page by page as keys land in it, and the same whatever malloc did before.
        let block = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let block, block != MAP_FAILED else {
            fatalError("cannot map the story band table (\(bytes) bytes)")
        }
        slots = block.bindMemory(to: UInt32.self, capacity: slotCount)
        markWords = max(1, (1 << bucketBits) / 64)
        overflowMarks = .allocate(capacity: markWords)
        overflowMarks.initialize(repeating: 0, count: markWords)
    }

    deinit {
        munmap(slots, bytes)
        overflowMarks.deallocate()
    }

    /// The full sequence number of the newest entry for `key` (or, after an identity
    /// collision, for a key taken for it) when it is one of the last `window` articles before
    /// `sequence` (the next article's number, not below any inserted), else nil.
    func find(_ key: Int64, sequence: UInt64, window: Int) -> UInt64? {
        let place = Self.place(of: key, bucketMask: bucketMask)
        if isMarked(place.first), let stored = overflow[key] {
            return sequence &- stored &- 1 < UInt64(window) ? stored : nil
        }
        let newest = min(age(ofNewest: place.print, inBucket: place.first, at: sequence, window: window),
                         age(ofNewest: place.print, inBucket: place.second, at: sequence, window: window))
        return newest == .max ? nil : sequence &- newest
    }

    /// Records `key` for the article numbered `sequence` (the window now ends with it).
    func insert(_ key: Int64, sequence: UInt64, window: Int) {
        precondition(window >= 1 && window < 1 << Self.sequenceBits, "a window is shorter than 2^14 articles")
        if sequence &- oldest > UInt64(Self.sequenceMask) { sweep(sequence: sequence, window: window) }
        latest = sequence
        let place = Self.place(of: key, bucketMask: bucketMask)
        if isMarked(place.first), overflow[key] != nil {
            overflow[key] = sequence
            return
        }
        let now = UInt32(truncatingIfNeeded: sequence) & Self.sequenceMask
        let entry = place.print << Self.sequenceBits | now
        let prints = SIMD8(repeating: place.print)
        let one = bucket(place.first), two = bucket(place.second)
        // A lane of `one &>> 14 ^ prints` is 0 where the slot has the key's print.
        let matchOne = Self.lanes(Self.isZero(one &>> Self.sequenceBits ^ prints))
        if matchOne != 0 {
            slots[place.first &* Self.slotsPerBucket &+ Self.lane(ofLowest: matchOne)] = entry
            return
        }
        let matchTwo = Self.lanes(Self.isZero(two &>> Self.sequenceBits ^ prints))
        if matchTwo != 0 {
            slots[place.second &* Self.slotsPerBucket &+ Self.lane(ofLowest: matchTwo)] = entry
            return
        }
        let liveOne = live(one, now: now, window: window), liveTwo = live(two, now: now, window: window)
        let countOne = Self.count(liveOne), countTwo = Self.count(liveTwo)
        let notLive = SIMD8<UInt32>(repeating: 1)
        if countOne <= countTwo, countOne < Self.slotsPerBucket {
            let free = Self.lane(ofLowest: Self.lanes(liveOne ^ notLive))
            slots[place.first &* Self.slotsPerBucket &+ free] = entry
        } else if countTwo < Self.slotsPerBucket {
            let free = Self.lane(ofLowest: Self.lanes(liveTwo ^ notLive))
            slots[place.second &* Self.slotsPerBucket &+ free] = entry
        } else {
            overflow[key] = sequence
            mark(place.first)
            if overflow.count >= overflowSweepAt { expireOverflow(sequence: sequence, window: window) }
        }
    }

    // A bucket is read as one SIMD8<UInt32>; its lanes are tested by arithmetic into 0 or 1
    // (Swift builds a comparison's mask lane by lane) and folded into scalars through four
    // 64-bit words (its reductions run lane by lane too).

    /// The 8 slots of a bucket (32 bytes, aligned: the block is page-aligned).
    @inline(__always)
    private func bucket(_ bucket: Int) -> SIMD8<UInt32> {
        UnsafeRawPointer(slots + bucket &* Self.slotsPerBucket).load(as: SIMD8<UInt32>.self)
    }

    /// 1 in the lanes of a bucket's live entries (not empty, younger than `window` at `now`, the
    /// low bits of the number being inserted), else 0. Exact: every entry is less than 2^14 older
    /// than `now` (see `oldest`).
    @inline(__always)
    private func live(_ slots: SIMD8<UInt32>, now: UInt32, window: Int) -> SIMD8<UInt32> {
        let ages = (SIMD8(repeating: now) &- slots) & SIMD8(repeating: Self.sequenceMask)
        // Both below 2^31: the difference's top bit is set when the first is smaller.
        let young = (ages &- SIMD8(repeating: UInt32(window))) &>> 31
        let used = (SIMD8(repeating: 0) &- (slots &>> Self.sequenceBits)) &>> 31
        return young & used
    }

    /// 1 in the lanes that are 0, else 0 (every lane below 2^31).
    @inline(__always)
    private static func isZero(_ lanes: SIMD8<UInt32>) -> SIMD8<UInt32> {
        (lanes &- 1) &>> 31
    }

    /// Lanes of 0 or 1 as bits: lane 2i at bit i, lane 2i + 1 at bit 32 + i.
    @inline(__always)
    private static func lanes(_ flags: SIMD8<UInt32>) -> UInt64 {
        let words = unsafeBitCast(flags, to: (UInt64, UInt64, UInt64, UInt64).self)
        return words.0 | words.1 << 1 | words.2 << 2 | words.3 << 3
    }

    /// The lane of the lowest bit of `lanes(_:)` (not 0).
    @inline(__always)
    private static func lane(ofLowest bits: UInt64) -> Int {
        let bit = bits.trailingZeroBitCount
        return bit < 32 ? bit &* 2 : (bit &- 32) &* 2 &+ 1
    }

    /// The lanes that are 1, of lanes of 0 or 1.
    @inline(__always)
    private static func count(_ flags: SIMD8<UInt32>) -> Int {
        let words = unsafeBitCast(flags, to: (UInt64, UInt64, UInt64, UInt64).self)
        let sum = words.0 &+ words.1 &+ words.2 &+ words.3  // two sums of 4 lanes, no carry
        return Int(truncatingIfNeeded: (sum & 0xFFFF_FFFF) &+ (sum >> 32))
    }

    /// The age at `sequence` of the newest entry with the print in the bucket that answers
    /// (age 1...window), or `UInt64.max`.
    @inline(__always)
    private func age(ofNewest print: UInt32, inBucket bucket: Int, at sequence: UInt64, window: Int) -> UInt64 {
        var matches = Self.lanes(Self.isZero(self.bucket(bucket) &>> Self.sequenceBits ^ SIMD8(repeating: print)))
        var best = UInt64.max
        let base = UInt32(truncatingIfNeeded: latest) & Self.sequenceMask
        while matches != 0 {
            let slot = slots[bucket &* Self.slotsPerBucket &+ Self.lane(ofLowest: matches)]
            matches &= matches &- 1
            let age = sequence &- fullNumber(of: slot, base: base)
            if age &- 1 < UInt64(window) && age < best { best = age }
        }
        return best
    }

    /// The full sequence number of a used slot's entry: `latest` less the entry's age at
    /// `latest` (exact: every entry is less than 2^14 older). `base`: `latest`'s low 14 bits.
    @inline(__always)
    private func fullNumber(of slot: UInt32, base: UInt32) -> UInt64 {
        latest &- UInt64((base &- slot) & Self.sequenceMask)
    }

    /// Clears every entry that cannot answer after `sequence` (the number being inserted; every
    /// stored one is less than 2^14 older than `latest`, the one before), and expires the overflow.
    private func sweep(sequence: UInt64, window: Int) {
        let base = UInt32(truncatingIfNeeded: latest) & Self.sequenceMask
        for index in 0..<slotCount {
            let slot = slots[index]
            if slot == 0 { continue }
            if sequence &- fullNumber(of: slot, base: base) >= UInt64(window) { slots[index] = 0 }
        }
        expireOverflow(sequence: sequence, window: window)
        oldest = sequence >= UInt64(window) ? sequence - UInt64(window) + 1 : 0
    }

    /// Removes the overflow's entries that cannot answer after `sequence`; doubles
    /// `overflowSweepAt` while half of it remains.
    private func expireOverflow(sequence: UInt64, window: Int) {
        guard !overflow.isEmpty else { return }
        overflow = overflow.filter { sequence &- $0.value < UInt64(window) }
        overflowMarks.update(repeating: 0, count: markWords)
        for key in overflow.keys { mark(Self.place(of: key, bucketMask: bucketMask).first) }
        while overflow.count * 2 >= overflowSweepAt { overflowSweepAt *= 2 }
    }

    private func isMarked(_ bucket: Int) -> Bool {
        overflowMarks[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
    }

    /// Notes that the overflow may hold a key whose first bucket is `bucket`.
    private func mark(_ bucket: Int) {
        overflowMarks[bucket >> 6] |= 1 << UInt64(bucket & 63)
    }

    /// The key's two buckets (distinct) and its print (18 bits, never 0: a used slot is never 0).
    private static func place(of key: Int64, bucketMask: UInt64) -> (first: Int, second: Int, print: UInt32) {
        var hash = UInt64(bitPattern: key)
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        let first = hash & bucketMask
        var second = (hash >> 16) & bucketMask
        if second == first { second ^= 1 }
        let print = UInt32(truncatingIfNeeded: (hash >> 32) & printMask)
        return (Int(first), Int(second), max(print, 1))
    }
}
