/// A cheap test that rules a line out for a list of patterns before any regex runs: a
/// line can match only if, for one of the patterns, it starts with one of that pattern's
/// literal prefixes or contains one of its required literals (`PatternLiterals`).
///
/// The test is exact about what it rules out: it answers "no match" only for lines made of
/// characters whose case folding cannot produce the literals' characters in any other
/// way (`isFoldSafe`): ASCII, where letters compare case-insensitively, and the common
/// non-ASCII letters, punctuation and symbols, which fold to themselves or to other
/// non-ASCII letters. Any other line is left to the regex.
struct LinePrefilter: Sendable {
    private let prefixes: [[UInt8]]
    /// The required literals by their first byte: one pass over a line finds them all.
    /// Empty when no pattern needs a literal inside the line.
    private let containedByFirstByte: [[[UInt8]]]
    private let startsLiteral: [Bool]

    /// Nil when some pattern has no known literal: every line must then go to the regex.
    init?(patterns: [String]) {
        guard !patterns.isEmpty else { return nil }
        var prefixes: Set<[UInt8]> = []
        var contained: Set<[UInt8]> = []
        for pattern in patterns {
            let literals = PatternLiterals(pattern: pattern)
            if let starts = literals.prefixes {
                prefixes.formUnion(starts)
            } else if let inside = literals.contained {
                contained.formUnion(inside)
            } else {
                return nil
            }
        }
        self.prefixes = prefixes.sorted { $0.lexicographicallyPrecedes($1) }
        var byFirstByte = [[[UInt8]]](repeating: [], count: contained.isEmpty ? 0 : 256)
        for literal in contained.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            byFirstByte[Int(literal[0])].append(literal)
        }
        containedByFirstByte = byFirstByte
        // Indexed by the raw byte: an ASCII letter's both cases start the literal.
        startsLiteral = contained.isEmpty ? [] : (0...255).map { !byFirstByte[Int(PatternLiterals.lowercased(UInt8($0)))].isEmpty }
    }

    /// True when `line` certainly matches none of the patterns.
    func excludes(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            // Comparing bytes is exact while they are ASCII; a non-ASCII byte on the way
            // leaves the answer to `isFoldSafe`.
            var nonASCII = false
            for prefix in prefixes {
                switch Self.compare(prefix, with: bytes) {
                case .equal: return false
                case .different: break
                case .undecided: nonASCII = true
                }
            }
            if !containedByFirstByte.isEmpty {
                let (found, sawNonASCII) = containsLiteral(bytes)
                if found { return false }
                nonASCII = nonASCII || sawNonASCII
            }
            return !nonASCII || Self.isFoldSafe(bytes)
        }
    }

    private enum Comparison { case equal, different, undecided }

    /// Whether the line starts with `prefix`, as far as its bytes tell.
    private static func compare(_ prefix: [UInt8], with bytes: UnsafeBufferPointer<UInt8>) -> Comparison {
        for (index, expected) in prefix.enumerated() {
            guard index < bytes.count else { return .different }
            let byte = bytes[index]
            if PatternLiterals.lowercased(byte) == expected { continue }
            return byte < 0x80 ? .different : .undecided
        }
        return .equal
    }

    /// Whether `literal` (ASCII letters lower-case) occurs at `offset`, ASCII letters compared
    /// case-insensitively.
    @inline(__always)
    private static func matches(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + literal.count <= bytes.count else { return false }
        for (index, expected) in literal.enumerated()
        where PatternLiterals.lowercased(bytes[offset + index]) != expected {
            return false
        }
        return true
    }

    /// Whether one of the required literals occurs in `bytes`, and whether a non-ASCII byte
    /// was seen on the way.
    private func containsLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: Bool, sawNonASCII: Bool) {
        var union: UInt8 = 0
        let found = startsLiteral.withUnsafeBufferPointer { starts in
            for offset in bytes.indices {
                let byte = bytes[offset]
                union |= byte
                guard starts[Int(byte)] else { continue }
                let candidates = containedByFirstByte[Int(PatternLiterals.lowercased(byte))]
                for literal in candidates where Self.matches(literal, in: bytes, at: offset) { return true }
            }
            return false
        }
        return (found, union >= 0x80)
    }

    /// Whether every character of the UTF-8 text folds (full Unicode case folding, as ICU's
    /// case-insensitive matching uses) to itself, to its ASCII case partner, or to a single
    /// non-ASCII character that is not a symbol or punctuation mark: then a case-insensitive
    /// literal can only match where its own characters stand, up to ASCII case.
    static func isFoldSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                guard isFoldSafe(scalar) else { return false }
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }

    /// The characters `isFoldSafe` accepts; the ranges leave out ß, İ, ŉ, ſ, ǰ, ẖ–ẞ and the
    /// like, whose folding yields ASCII letters (checked against ICU by the tests).
    static func isFoldSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F: true
        case 0xDF, 0x130, 0x149, 0x17F, 0x1F0: false
        case 0x80...0x24F: true
        case 0x370...0x3FF, 0x400...0x4FF: true
        case 0x1E96...0x1E9E: false
        case 0x1E00...0x1EFF: true
        case 0x2000...0x206F, 0x20A0...0x20CF, 0x2190...0x21FF, 0x2500...0x27BF: true
        case 0x3000...0x303F, 0x4E00...0x9FFF, 0x1F300...0x1FAFF: true
        default: false
        }
    }
}
