#if canImport(Glibc)
import Glibc
#endif

/// `StoryBandIndex`'s table: band key → the sequence number of the newest article indexed under
/// it, in a fixed block of `capacity` slots of 8 bytes (open addressing, linear probing).
///
/// A slot holds the key's home slot (19 bits), 21 more bits of the key's hash and the low 24
/// bits of the sequence number: a key is recognised by 39 bits of its hash (another key taken
/// for it is a false hint, which the store's comparison of the stored words rejects), and an
/// entry answers while fewer than `window` articles were indexed after it. Expired entries are
/// reused by inserts and removed (backward shift, no tombstones) once `sweepAt` slots are in
/// use, so lookups stay short. The block comes from `calloc`: a page is resident once a key
/// lands in it. Not thread-safe (the index holds its lock).
final class StoryBandTable {
    /// Slots: 2^19 (4 MiB). With 32 keys per article, the 10,000 articles of the window fill
    /// at most 320,000, below `sweepAt`.
    static let capacity = 1 << 19
    /// Slots in use (live or expired) at which expired entries are removed: 3/4 full.
    static let sweepAt = capacity / 4 * 3
    private static let mask = capacity - 1
    private static let homeBits: UInt64 = 19
    private static let printBits: UInt64 = 21
    private static let sequenceMask: UInt64 = (1 << 24) - 1

    private let slots: UnsafeMutablePointer<UInt64>
    private var used = 0

    init() {
        guard let block = calloc(Self.capacity, MemoryLayout<UInt64>.size) else {
            fatalError("cannot allocate the story band table (\(Self.capacity * 8) bytes)")
        }
        slots = block.assumingMemoryBound(to: UInt64.self)
    }

    deinit { free(slots) }

    /// The full sequence number of the entry for `key` when it is one of the last `window`
    /// articles before `sequence` (the next article's number), else nil.
    func find(_ key: Int64, sequence: UInt64, window: Int) -> UInt64? {
        let identity = Self.identity(of: key)
        var index = Int(identity & UInt64(Self.mask))
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot & Self.identityMask == identity {
                let age = Self.age(of: slot, at: sequence)
                return age >= 1 && age <= UInt64(window) ? sequence - age : nil
            }
            index = (index + 1) & Self.mask
        }
    }

    /// Records `key` for the article numbered `sequence` (the window now ends with it): over
    /// its own entry, else in an expired slot on its way, else in the free slot that ends it.
    func insert(_ key: Int64, sequence: UInt64, window: Int) {
        let identity = Self.identity(of: key)
        let entry = identity | ((sequence & Self.sequenceMask) << (Self.homeBits + Self.printBits))
        var index = Int(identity & UInt64(Self.mask))
        var expired: Int?
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot & Self.identityMask == identity {
                slots[index] = entry
                return
            }
            if expired == nil && Self.age(of: slot, at: sequence) >= UInt64(window) { expired = index }
            index = (index + 1) & Self.mask
        }
        if let expired {
            slots[expired] = entry
            return
        }
        slots[index] = entry
        used += 1
        if used >= Self.sweepAt { sweep(sequence: sequence, window: window) }
    }

    /// Removes every expired entry.
    private func sweep(sequence: UInt64, window: Int) {
        for index in 0..<Self.capacity {
            // A removal shifts a later entry into `index`: look at it again.
            while slots[index] != 0 && Self.age(of: slots[index], at: sequence) >= UInt64(window) {
                remove(at: index)
            }
        }
    }

    /// Empties `hole`, moving back the entries after it that belong before it.
    private func remove(at start: Int) {
        var hole = start
        var index = start
        slots[hole] = 0
        used -= 1
        while true {
            index = (index + 1) & Self.mask
            let slot = slots[index]
            if slot == 0 { return }
            let home = Int(slot & UInt64(Self.mask))
            // The entry may move to the hole when the hole lies between its home and it.
            if (index - home) & Self.mask >= (index - hole) & Self.mask {
                slots[hole] = slot
                slots[index] = 0
                hole = index
            }
        }
    }

    private static let identityMask: UInt64 = (1 << (homeBits + printBits)) - 1

    /// Home slot (low 19 bits) and print (21 bits, never all zero: a used slot is never 0).
    private static func identity(of key: Int64) -> UInt64 {
        var hash = UInt64(bitPattern: key)
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        let home = hash & UInt64(mask)
        let print = ((hash >> 40) & ((1 << printBits) - 1)) | 1
        return home | (print << homeBits)
    }

    /// Articles indexed since the entry's, modulo 2^24.
    private static func age(of slot: UInt64, at sequence: UInt64) -> UInt64 {
        (sequence &- (slot >> (homeBits + printBits))) & sequenceMask
    }
}
