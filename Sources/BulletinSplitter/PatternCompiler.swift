/// Turns a parsed pattern (`PatternNode`) into a flat `PatternProgram`, once per pattern.
///
/// Alternatives become `split`s tried in order; a repeated single-scalar node becomes one
/// `repeat…` instruction; a repeated group is written out copy by copy (`x{2,4}` is
/// `x x (x (x)?)?`, `x*` a loop), an iteration that can match nothing checked for progress
/// (`mark`, `progress`) as the tree matcher did. A group repeated so often that its copies
/// would exceed `copyLimit` instructions keeps a counter instead (`counter…`), and its
/// program then runs without memo: like the tree matcher, it may then try very many ways
/// (a group that can match nothing, with a large minimum, `(?:a?){1200}`, tries every choice
/// of the iterations that take each "a": about 1,200^k ways on a line of k of them).
/// Capturing groups cost nothing unless the pattern has a back-reference.
struct PatternCompiler {
    /// The most instructions one repeated group may be written out to.
    static let copyLimit = 2_000

    private var code: [PatternInstruction] = []
    private var literals: [UInt32] = []
    private var sets: [ScalarSet] = []
    private var subRunRanges: [Range<Int>] = []
    private var subRunMemo: [Bool] = []
    private var registerCount = 0
    private var usesCounters = false
    private let keepsCaptures: Bool
    /// The atomic group being written, whose first match depends on the order of the ways
    /// its inside is tried; nil outside any, or inside a look-around.
    private var innermostAtomic: Int?

    private init(keepsCaptures: Bool) {
        self.keepsCaptures = keepsCaptures
    }

    static func compile(_ root: PatternNode, groupCount: Int) -> PatternProgram {
        var compiler = PatternCompiler(keepsCaptures: hasBackReference(root))
        compiler.emit(root)
        compiler.append(.init(.succeed))
        return compiler.program(groupCount: groupCount)
    }

    private func program(groupCount: Int) -> PatternProgram {
        var instructions = code
        // Memo rows for the instructions where paths join: split and jump targets, the
        // instruction after a repetition or a sub-program, and the start.
        var joins = [Bool](repeating: false, count: instructions.count)
        joins[0] = true
        for (index, instruction) in instructions.enumerated() {
            switch instruction.operation {
            case .split:
                joins[Int(instruction.a)] = true
                joins[Int(instruction.b)] = true
            case .jump, .atomic, .lookahead, .lookbehind:
                joins[Int(instruction.a)] = true
            case .repeatGreedy, .repeatLazy, .repeatPossessive:
                joins[index + 2] = true
            default:
                break
            }
        }
        var firstSlot = [Int32](repeating: 0, count: instructions.count + 1)
        var slots: Int32 = 0
        for index in instructions.indices {
            firstSlot[index] = slots
            if joins[index] {
                instructions[index].memo = slots
                slots += 1
            }
        }
        firstSlot[instructions.count] = slots
        let subRuns = zip(subRunRanges, subRunMemo).map { range, memo in
            PatternProgram.SubRun(firstSlot: firstSlot[range.lowerBound], endSlot: firstSlot[range.upperBound], memo: memo)
        }
        return PatternProgram(code: instructions, literals: literals, sets: sets, subRuns: subRuns,
                              memoSlots: Int(slots), registerCount: registerCount, groupCount: groupCount,
                              usesMemo: !keepsCaptures && !usesCounters)
    }

    private mutating func append(_ instruction: PatternInstruction) {
        code.append(instruction)
    }

    private mutating func newRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }

    private mutating func emit(_ node: PatternNode) {
        switch node {
        case .scalar(let folded):
            append(.init(.scalar, Int32(folded.value), Self.foldsFromNonASCII(folded) ? 1 : 0))
        case .text(let folded):
            append(.init(.text, Int32(literals.count), Int32(folded.count)))
            literals.append(contentsOf: folded.map(\.value))
        case .any:
            append(.init(.any))
        case .set(let set):
            append(.init(.set, Int32(sets.count)))
            sets.append(set)
        case .sequence(let items):
            for item in items { emit(item) }
        case .alternation(let branches):
            emitAlternation(branches)
        case .capture(let inner, let number):
            guard keepsCaptures else { return emit(inner) }
            let register = newRegister()
            append(.init(.groupOpen, register))
            emit(inner)
            append(.init(.groupClose, Int32(number - 1), register))
        case .atomic(.repetition(let inner, let minimum, let maximum, false)) where inner.isSingleScalar:
            emitRepeat(inner, minimum, maximum, .repeatPossessive)
        case .atomic(let inner):
            emitSubRun(.atomic, inner, negated: false)
        case .lookahead(let inner, let negative):
            emitSubRun(.lookahead, inner, negated: negative)
        case .lookbehind(let inner, let negative):
            emitSubRun(.lookbehind, inner, negated: negative)
        case .repetition(let inner, let minimum, let maximum, let lazy):
            if inner.isSingleScalar {
                emitRepeat(inner, minimum, maximum, lazy ? .repeatLazy : .repeatGreedy)
            } else {
                emitRepetition(inner, minimum, maximum, lazy: lazy)
            }
        case .backReference(let number):
            append(.init(.backReference, Int32(number - 1)))
        case .anchor(let anchor):
            append(.init(.anchor, PatternProgram.anchorCode(anchor)))
        }
    }

    private mutating func emitAlternation(_ branches: [PatternNode]) {
        var jumps: [Int] = []
        for (index, branch) in branches.enumerated() {
            guard index < branches.count - 1 else {
                emit(branch)
                break
            }
            let split = code.count
            append(.init(.split, Int32(split + 1)))
            emit(branch)
            jumps.append(code.count)
            append(.init(.jump))
            code[split].b = Int32(code.count)
        }
        for jump in jumps { code[jump].a = Int32(code.count) }
    }

    private mutating func emitRepeat(_ atom: PatternNode, _ minimum: Int, _ maximum: Int?,
                                     _ operation: PatternInstruction.Operation) {
        append(.init(operation, Int32(minimum), Int32(maximum ?? Int(Int32.max))))
        emit(atom)
    }

    private mutating func emitSubRun(_ operation: PatternInstruction.Operation, _ inner: PatternNode, negated: Bool) {
        let start = code.count
        let index = subRunRanges.count
        append(.init(operation, 0, Int32(index), negated ? 1 : 0))
        subRunRanges.append(start + 1..<start + 1)
        subRunMemo.append(true)
        let outer = innermostAtomic
        innermostAtomic = operation == .atomic ? index : nil
        emit(inner)
        innermostAtomic = outer
        append(.init(.succeed))
        code[start].a = Int32(code.count)
        subRunRanges[index] = start + 1..<code.count
    }

    /// A repeated group: written out, or with a counter when that would be too long.
    private mutating func emitRepetition(_ inner: PatternNode, _ minimum: Int, _ maximum: Int?, lazy: Bool) {
        let nullable = Self.minimumLength(inner) == 0
        let copies = maximum ?? (minimum + 1)
        if copies > 1, Self.size(inner) * copies > Self.copyLimit {
            return emitCounted(inner, minimum, maximum, lazy: lazy, nullable: nullable)
        }
        for _ in 0..<minimum { emit(inner) }
        if let maximum {
            var splits: [Int] = []
            for _ in minimum..<maximum {
                splits.append(code.count)
                append(.init(.split))
                emitIteration(inner, nullable: nullable)
            }
            let end = Int32(code.count)
            for split in splits {
                let next = Int32(split + 1)
                (code[split].a, code[split].b) = lazy ? (end, next) : (next, end)
            }
        } else {
            let loop = code.count
            append(.init(.split))
            emitIteration(inner, nullable: nullable)
            append(.init(.jump, Int32(loop)))
            let (end, next) = (Int32(code.count), Int32(loop + 1))
            (code[loop].a, code[loop].b) = lazy ? (end, next) : (next, end)
        }
    }

    /// An optional iteration: when it can match nothing, it must move on to count.
    private mutating func emitIteration(_ inner: PatternNode, nullable: Bool) {
        guard nullable else { return emit(inner) }
        if let innermostAtomic { subRunMemo[innermostAtomic] = false }
        let register = newRegister()
        append(.init(.mark, register))
        emit(inner)
        append(.init(.progress, register))
    }

    private mutating func emitCounted(_ inner: PatternNode, _ minimum: Int, _ maximum: Int?, lazy: Bool, nullable: Bool) {
        usesCounters = true
        let counter = newRegister()
        let mark = newRegister()
        append(.init(.counterStart, counter))
        let loop = code.count
        append(.init(lazy ? .counterLoopLazy : .counterLoopGreedy, counter, Int32(minimum),
                     Int32(maximum ?? Int(Int32.max))))
        append(.init(.counterBody, counter, mark, Int32(minimum), nullable ? 1 : 0))
        emit(inner)
        append(.init(.counterNext, counter, mark, Int32(loop)))
        code[loop].d = Int32(code.count)
    }

    /// Whether some non-ASCII scalar has the simple folding `folded` ("K", the Kelvin sign,
    /// for "k"), so that non-ASCII input must be folded to compare.
    private static func foldsFromNonASCII(_ folded: Unicode.Scalar) -> Bool {
        !folded.isASCII || CaseFolding.closure(folded).contains { !$0.isASCII }
    }

    /// The fewest input scalars `node` can match.
    static func minimumLength(_ node: PatternNode) -> Int {
        switch node {
        case .scalar, .text, .any, .set: 1
        case .sequence(let items): items.reduce(0) { $0 + minimumLength($1) }
        case .alternation(let branches): branches.map(minimumLength).min() ?? 0
        case .capture(let inner, _), .atomic(let inner): minimumLength(inner)
        case .repetition(let inner, let minimum, _, _): minimum == 0 ? 0 : min(minimumLength(inner) * minimum, 1 << 30)
        case .lookahead, .lookbehind, .backReference, .anchor: 0
        }
    }

    /// About how many instructions `node` is written out to (capped, never overflowing).
    static func size(_ node: PatternNode) -> Int {
        let cap = 1 << 30
        switch node {
        case .scalar, .text, .any, .set, .backReference, .anchor: return 1
        case .sequence(let items): return min(items.reduce(0) { $0 + size($1) }, cap)
        case .alternation(let branches): return min(branches.reduce(0) { $0 + size($1) + 2 }, cap)
        case .capture(let inner, _), .atomic(let inner), .lookahead(let inner, _), .lookbehind(let inner, _):
            return min(size(inner) + 2, cap)
        case .repetition(let inner, let minimum, let maximum, _):
            if inner.isSingleScalar { return 2 }
            let copies = min(maximum ?? (minimum + 1), 1 << 24)
            return min(copies * (size(inner) + 3) + 2, cap)
        }
    }

    private static func hasBackReference(_ node: PatternNode) -> Bool {
        switch node {
        case .backReference: true
        case .scalar, .text, .any, .set, .anchor: false
        case .sequence(let items), .alternation(let items): items.contains(where: hasBackReference)
        case .capture(let inner, _), .atomic(let inner), .lookahead(let inner, _), .lookbehind(let inner, _),
             .repetition(let inner, _, _, _):
            hasBackReference(inner)
        }
    }
}
