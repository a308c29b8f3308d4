/// The scalars a bracket expression or a class escape accepts, matched case-insensitively as
/// ICU does (the set is closed over case: `[a-z]` accepts "K", the Kelvin sign, and "ſ").
struct ScalarSet: Sendable {
    enum Item: Sendable {
        case range(ClosedRange<UInt32>)
        case scalarClass(ScalarClass, negated: Bool)
        case nested(ScalarSet)
    }

    var items: [Item]
    var negated: Bool
    /// The answers for U+0000…U+00FF and for U+2000…U+207F (general punctuation: dashes,
    /// quotation marks, bullets), computed once: `bitmapWordCount` bits words, see `bitmap`.
    private(set) var bitmap: [UInt64] = []

    /// Words of `bitmap`: four for U+0000…U+00FF, two for U+2000…U+207F.
    static let bitmapWordCount = 6

    init(items: [Item], negated: Bool) {
        self.items = items
        self.negated = negated
        var words = [UInt64](repeating: 0, count: Self.bitmapWordCount)
        for value in UInt32(0)..<0x100 where matches(raw: Unicode.Scalar(value)!) {
            words[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        for value in UInt32(0x2000)..<0x2080 where matches(raw: Unicode.Scalar(value)!) {
            words[4 + Int((value - 0x2000) >> 6)] |= 1 << UInt64(value & 63)
        }
        bitmap = words
    }

    /// Whether the set accepts `scalar`, case-insensitively.
    @inline(__always)
    func matches(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x100 { return bitmap[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        if value >= 0x2000, value < 0x2080 { return bitmap[4 + Int((value - 0x2000) >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return matches(raw: scalar)
    }

    /// The answer from the set's items, without the bitmap.
    func matches(raw scalar: Unicode.Scalar) -> Bool {
        containsCaseClosed(scalar) != negated
    }

    /// Whether the set, closed over case, holds `scalar`.
    func containsCaseClosed(_ scalar: Unicode.Scalar) -> Bool {
        if contains(scalar) { return true }
        guard scalar.properties.changesWhenCaseMapped || scalar.properties.changesWhenCaseFolded
            || CaseFolding.otherCaseVariants[CaseFolding.simple(scalar).value] != nil else { return false }
        return CaseFolding.closure(scalar).contains(where: contains)
    }

    /// Whether the set as written holds `scalar`.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .range(let range): range.contains(scalar.value)
            case .scalarClass(let scalarClass, let negated): scalarClass.contains(scalar) != negated
            case .nested(let set): set.containsCaseClosed(scalar) != set.negated
            }
        }
    }
}
