/// A splitter pattern compiled once (`PatternCompiler`) to a flat list of instructions over
/// plain integers, kept in memory of its own for its lifetime: `PatternMatcher` runs it
/// through pointers, with no reference counting per step.
///
/// Immutable after `init`, hence safe to share between threads.
final class PatternProgram: @unchecked Sendable {
    /// A look-around or atomic group, run as a program of its own: its memo rows, and
    /// whether it may use them (not when the order of its ways matters and an iteration in
    /// it can match nothing).
    struct SubRun: Sendable {
        var firstSlot: Int32
        var endSlot: Int32
        var memo: Bool
    }

    let code: UnsafeMutableBufferPointer<PatternInstruction>
    /// The folded scalars of the literal texts.
    let literals: UnsafeMutableBufferPointer<UInt32>
    /// `ScalarSet.bitmapWordCount` words per set.
    let bitmaps: UnsafeMutableBufferPointer<UInt64>
    let subRunTable: UnsafeMutableBufferPointer<SubRun>
    /// For the scalars the bitmaps do not cover.
    let sets: [ScalarSet]
    let memoSlots: Int
    let registerCount: Int
    let groupCount: Int
    /// Whether a failed (instruction, position) is remembered: true unless the pattern has a
    /// back-reference or a counted loop (state beyond the position).
    let usesMemo: Bool

    init(code: [PatternInstruction], literals: [UInt32], sets: [ScalarSet], subRuns: [SubRun],
         memoSlots: Int, registerCount: Int, groupCount: Int, usesMemo: Bool) {
        self.code = Self.copy(code)
        self.literals = Self.copy(literals)
        self.bitmaps = Self.copy(sets.flatMap(\.bitmap))
        self.subRunTable = Self.copy(subRuns)
        self.sets = sets
        self.memoSlots = memoSlots
        self.registerCount = registerCount
        self.groupCount = groupCount
        self.usesMemo = usesMemo
    }

    deinit {
        code.deallocate()
        literals.deallocate()
        bitmaps.deallocate()
        subRunTable.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }

    static func anchorCode(_ anchor: PatternAnchor) -> Int32 {
        switch anchor {
        case .start: 0
        case .end: 1
        case .absoluteEnd: 2
        case .wordBoundary: 3
        case .notWordBoundary: 4
        }
    }

    /// Whether the program matches `input` from its start: up to its end (`whole`, ICU's
    /// `$` end: a final line terminator may remain), or anywhere (`whole` false: some start,
    /// any end).
    func matches(_ input: UnsafeBufferPointer<Unicode.Scalar>, whole: Bool) -> Bool {
        let width = input.count + 1
        var memoWords = 0
        var cacheWords = 0
        if usesMemo {
            let bits = memoSlots.multipliedReportingOverflow(by: width)
            // Past 64 Mbit (8 MB) of memo the program runs without one, as the tree matcher did.
            if !bits.overflow, bits.partialValue <= 1 << 26 {
                memoWords = (bits.partialValue + 63) >> 6
                cacheWords = subRunTable.count * width
            }
        }
        let stackWords = PatternMatcher.initialStackFrames * PatternMatcher.frameWords
        let total = memoWords + cacheWords + registerCount + 2 * groupCount + stackWords
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: total) { scratch in
            let base = scratch.baseAddress!
            base.initialize(repeating: 0, count: memoWords)
            (base + memoWords).initialize(repeating: PatternMatcher.unknown, count: cacheWords)
            (base + memoWords + cacheWords).initialize(repeating: -1, count: registerCount + 2 * groupCount)
            var matcher = PatternMatcher(
                program: self, input: input,
                memo: memoWords > 0 ? base : nil,
                cache: memoWords > 0 ? base + memoWords : nil,
                registers: base + memoWords + cacheWords,
                captures: base + memoWords + cacheWords + registerCount,
                stack: base + memoWords + cacheWords + registerCount + 2 * groupCount)
            defer { matcher.releaseStack() }
            return whole ? matcher.matchesWhole() : matcher.occurs()
        }
    }
}
