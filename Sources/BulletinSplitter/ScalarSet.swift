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
    /// The answers for ASCII input, computed once.
    private var ascii: [Bool] = []

    init(items: [Item], negated: Bool) {
        self.items = items
        self.negated = negated
        ascii = (0..<128).map { matches(raw: Unicode.Scalar(UInt8($0))) }
    }

    /// Whether the set accepts `scalar`, case-insensitively.
    @inline(__always)
    func matches(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? ascii[Int(scalar.value)] : matches(raw: scalar)
    }

    private func matches(raw scalar: Unicode.Scalar) -> Bool {
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
