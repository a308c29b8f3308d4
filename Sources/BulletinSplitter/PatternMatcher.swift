/// Runs a `PatternProgram` over one line's scalars: a backtracking machine with the tree
/// matcher's (and ICU's) order of trying — alternatives left to right, greedy repetition
/// longest first, lazy shortest first, possessive and atomic never retried — over an explicit
/// stack of choices in scratch memory, through pointers only (no reference counting, no
/// closures per step).
///
/// Memo: when the program allows it (`PatternProgram.usesMemo`), every (instruction,
/// position) where paths join is tried at most once per run — a second arrival would fail
/// as the first did — so the work on a line is bounded by the program's length times the
/// line's, however many ways a keyword-dense line offers. Atomic groups and look-arounds run
/// as sub-programs whose result at a position is remembered the same way.
struct PatternMatcher {
    /// Frames (four words each) that fit in the scratch memory; more go to the heap.
    static let initialStackFrames = 64
    static let frameWords = 4
    /// A sub-program's result not yet known (memo cache).
    static let unknown = -2

    private enum Frame {
        /// Go on at instruction `a`, position `b`.
        static let resume = 0
        /// A greedy repetition's shorter ends: go on at `a` from position `c`, then `c` - 1 down to `b`.
        static let shorter = 1
        /// A lazy one's longer ends: from `c`, then `c` + 1 up to `b`.
        static let longer = 2
        /// Register `a` := `b`.
        static let register = 3
        /// Group `a` := `b`…`c`.
        static let capture = 4
    }

    private let program: PatternProgram
    private let code: UnsafeMutablePointer<PatternInstruction>
    private let literals: UnsafeMutablePointer<UInt32>
    private let bitmaps: UnsafeMutablePointer<UInt64>
    private let subRuns: UnsafeMutablePointer<PatternProgram.SubRun>
    private let input: UnsafePointer<Unicode.Scalar>
    private let count: Int
    private let width: Int
    private let memo: UnsafeMutablePointer<Int>?
    private let cache: UnsafeMutablePointer<Int>?
    private let registers: UnsafeMutablePointer<Int>
    private let captures: UnsafeMutablePointer<Int>
    private var stack: UnsafeMutablePointer<Int>
    private var stackCapacity = PatternMatcher.initialStackFrames
    private var stackOnHeap = false
    private var depth = 0

    /// `memo` (zeroed bits) and `cache` (`unknown`, one word per sub-run and position) are
    /// nil to run without memo; `registers` and `captures` hold -1.
    init(program: PatternProgram, input: UnsafeBufferPointer<Unicode.Scalar>,
         memo: UnsafeMutablePointer<Int>?, cache: UnsafeMutablePointer<Int>?,
         registers: UnsafeMutablePointer<Int>, captures: UnsafeMutablePointer<Int>, stack: UnsafeMutablePointer<Int>) {
        self.program = program
        code = program.code.baseAddress!
        literals = program.literals.baseAddress!
        bitmaps = program.bitmaps.baseAddress!
        subRuns = program.subRunTable.baseAddress!
        self.input = input.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Unicode.Scalar>.alignment)!
        count = input.count
        width = input.count + 1
        self.memo = memo
        self.cache = cache
        self.registers = registers
        self.captures = captures
        self.stack = stack
    }

    /// Frees the stack if it outgrew the scratch memory.
    mutating func releaseStack() {
        if stackOnHeap { stack.deallocate() }
        stackOnHeap = false
    }

    /// ICU's `^(?:pattern)$`: a match from the start to the end of the input.
    mutating func matchesWhole() -> Bool {
        run(0, 0, accept: -1, memo: memo != nil) >= 0
    }

    /// A match starting anywhere.
    mutating func occurs() -> Bool {
        for start in 0...count where run(0, start, accept: -2, memo: memo != nil) >= 0 { return true }
        return false
    }

    // MARK: The machine

    /// Runs from instruction `start` at `position` to a `succeed` that `accept` takes (-2:
    /// any, -1: the end of the line, else that position); the end, or -1.
    private mutating func run(_ start: Int, _ position: Int, accept: Int, memo useMemo: Bool) -> Int {
        let base = depth
        var pc = start
        var position = position
        while true {
            let instruction = code[pc]
            if useMemo, instruction.memo >= 0, let memo {
                let bit = Int(instruction.memo) &* width &+ position
                let mask = 1 &<< (bit & 63)
                if memo[bit >> 6] & mask != 0 {
                    guard backtrack(base, &pc, &position) else { return -1 }
                    continue
                }
                memo[bit >> 6] |= mask
            }
            switch instruction.operation {
            case .scalar, .any, .set:
                if position < count, matchesOne(instruction, input[position]) {
                    position += 1
                    pc += 1
                    continue
                }
            case .text:
                let end = matchText(Int(instruction.a), Int(instruction.b), position)
                if end >= 0 {
                    position = end
                    pc += 1
                    continue
                }
            case .split:
                push(Frame.resume, Int(instruction.b), position)
                pc = Int(instruction.a)
                continue
            case .jump:
                pc = Int(instruction.a)
                continue
            case .repeatGreedy, .repeatLazy, .repeatPossessive:
                let minimum = Int(instruction.a)
                let atom = code[pc + 1]
                let limit = min(count - position, Int(instruction.b))
                var length = 0
                while length < limit, matchesOne(atom, input[position + length]) { length += 1 }
                if length >= minimum {
                    pc += 2
                    switch instruction.operation {
                    case .repeatGreedy:
                        if length > minimum { push(Frame.shorter, pc, position + minimum, position + length - 1) }
                        position += length
                    case .repeatLazy:
                        if length > minimum { push(Frame.longer, pc, position + length, position + minimum + 1) }
                        position += minimum
                    default:
                        position += length
                    }
                    continue
                }
            case .anchor:
                if holds(instruction.a, position) {
                    pc += 1
                    continue
                }
            case .groupOpen:
                let register = Int(instruction.a)
                push(Frame.register, register, registers[register])
                registers[register] = position
                pc += 1
                continue
            case .groupClose:
                let slot = 2 * Int(instruction.a)
                push(Frame.capture, Int(instruction.a), captures[slot], captures[slot + 1])
                captures[slot] = registers[Int(instruction.b)]
                captures[slot + 1] = position
                pc += 1
                continue
            case .backReference:
                let end = matchBackReference(Int(instruction.a), position)
                if end >= 0 {
                    position = end
                    pc += 1
                    continue
                }
            case .mark:
                let register = Int(instruction.a)
                push(Frame.register, register, registers[register])
                registers[register] = position
                pc += 1
                continue
            case .progress:
                if registers[Int(instruction.a)] != position {
                    pc += 1
                    continue
                }
            case .atomic:
                let end = subRun(pc, instruction, position)
                if end >= 0 {
                    position = end
                    pc = Int(instruction.a)
                    continue
                }
            case .lookahead, .lookbehind:
                let found = subRun(pc, instruction, position) >= 0
                if found != (instruction.c == 1) {
                    pc = Int(instruction.a)
                    continue
                }
            case .succeed:
                if accept == -2 || (accept == -1 ? isLineEnd(position) : position == accept) {
                    depth = base
                    return position
                }
            case .counterStart:
                let register = Int(instruction.a)
                push(Frame.register, register, registers[register])
                registers[register] = 0
                pc += 1
                continue
            case .counterLoopGreedy:
                let done = registers[Int(instruction.a)]
                if done < Int(instruction.c) {
                    if done >= Int(instruction.b) { push(Frame.resume, Int(instruction.d), position) }
                    pc += 1
                    continue
                }
                if done >= Int(instruction.b) {
                    pc = Int(instruction.d)
                    continue
                }
            case .counterLoopLazy:
                let done = registers[Int(instruction.a)]
                if done >= Int(instruction.b) {
                    if done < Int(instruction.c) { push(Frame.resume, pc + 1, position) }
                    pc = Int(instruction.d)
                    continue
                }
                if done < Int(instruction.c) {
                    pc += 1
                    continue
                }
            case .counterBody:
                let mark = Int(instruction.b)
                push(Frame.register, mark, registers[mark])
                let checks = instruction.d == 1 && registers[Int(instruction.a)] >= Int(instruction.c)
                registers[mark] = checks ? position : -1
                pc += 1
                continue
            case .counterNext:
                if registers[Int(instruction.b)] != position {
                    let counter = Int(instruction.a)
                    push(Frame.register, counter, registers[counter])
                    registers[counter] += 1
                    pc = Int(instruction.c)
                    continue
                }
            }
            guard backtrack(base, &pc, &position) else { return -1 }
        }
    }

    /// The latest choice above `base`, undoing register and group changes on the way; false
    /// when there is none.
    @inline(__always)
    private mutating func backtrack(_ base: Int, _ pc: inout Int, _ position: inout Int) -> Bool {
        while depth > base {
            depth -= 1
            let frame = stack + depth * Self.frameWords
            switch frame[0] {
            case Frame.resume:
                pc = frame[1]
                position = frame[2]
                return true
            case Frame.shorter:
                pc = frame[1]
                position = frame[3]
                if frame[3] > frame[2] {
                    frame[3] -= 1
                    depth += 1
                }
                return true
            case Frame.longer:
                pc = frame[1]
                position = frame[3]
                if frame[3] < frame[2] {
                    frame[3] += 1
                    depth += 1
                }
                return true
            case Frame.register:
                registers[frame[1]] = frame[2]
            default:
                captures[2 * frame[1]] = frame[2]
                captures[2 * frame[1] + 1] = frame[3]
            }
        }
        return false
    }

    @inline(__always)
    private mutating func push(_ kind: Int, _ a: Int, _ b: Int, _ c: Int = 0) {
        if depth == stackCapacity { grow() }
        let frame = stack + depth * Self.frameWords
        frame[0] = kind
        frame[1] = a
        frame[2] = b
        frame[3] = c
        depth += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: 2 * stackCapacity * Self.frameWords)
        larger.initialize(from: stack, count: depth * Self.frameWords)
        if stackOnHeap { stack.deallocate() }
        stack = larger
        stackOnHeap = true
        stackCapacity *= 2
    }

    /// An atomic group's first end, or whether a look-around matches (>= 0), at `position`;
    /// remembered per position when memo is on.
    private mutating func subRun(_ pc: Int, _ instruction: PatternInstruction, _ position: Int) -> Int {
        let index = Int(instruction.b)
        let sub = subRuns[index]
        // Without back-references a sub-program's result depends on the position alone.
        let remembered = cache.map { $0 + index * width + position }
        if let remembered, remembered.pointee != Self.unknown { return remembered.pointee }
        let innerMemo = remembered != nil && sub.memo
        if innerMemo { clearMemo(Int(sub.firstSlot), Int(sub.endSlot)) }
        var result = -1
        if instruction.operation == .lookbehind {
            for start in stride(from: position, through: 0, by: -1) where run(pc + 1, start, accept: position, memo: innerMemo) >= 0 {
                result = position
                break
            }
        } else {
            result = run(pc + 1, position, accept: -2, memo: innerMemo)
        }
        remembered?.pointee = result
        return result
    }

    /// Forgets the memo rows `first..<end` (a sub-program about to run again).
    private func clearMemo(_ first: Int, _ end: Int) {
        guard let memo, end > first else { return }
        var bit = first * width
        let stop = end * width
        while bit < stop {
            if bit & 63 == 0, stop - bit >= 64 {
                memo[bit >> 6] = 0
                bit += 64
            } else {
                memo[bit >> 6] &= ~(1 &<< (bit & 63))
                bit += 1
            }
        }
    }

    // MARK: Steps

    @inline(__always)
    private func matchesOne(_ instruction: PatternInstruction, _ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch instruction.operation {
        case .scalar:
            if value < 0x80 {
                let lower = value &- 0x41 < 26 ? value | 0x20 : value
                return lower == UInt32(instruction.a)
            }
            return instruction.b == 1 && CaseFolding.simple(scalar).value == UInt32(instruction.a)
        case .any:
            return !ScalarClass.isLineTerminator(scalar)
        default:
            let words = bitmaps + Int(instruction.a) * ScalarSet.bitmapWordCount
            if value < 0x100 { return words[Int(value >> 6)] & (1 &<< UInt64(value & 63)) != 0 }
            if value &- 0x2000 < 0x80 { return words[4 + Int((value - 0x2000) >> 6)] & (1 &<< UInt64(value & 63)) != 0 }
            return program.sets[Int(instruction.a)].matches(raw: scalar)
        }
    }

    /// Where input from `position` whose full case folding is the `length` literal scalars
    /// at `offset` ends (whole input scalars), or -1.
    @inline(__always)
    private func matchText(_ offset: Int, _ length: Int, _ position: Int) -> Int {
        var end = position
        var index = 0
        while index < length {
            guard end < count else { return -1 }
            let scalar = input[end]
            end += 1
            let value = scalar.value
            if value < 0x80 {
                let lower = value &- 0x41 < 26 ? value | 0x20 : value
                guard lower == literals[offset + index] else { return -1 }
                index += 1
                continue
            }
            for part in CaseFolding.full(scalar) {
                guard index < length, literals[offset + index] == part.value else { return -1 }
                index += 1
            }
        }
        return end
    }

    /// Group `group`'s text again at `position`, compared by full case folding; its end or -1.
    private func matchBackReference(_ group: Int, _ position: Int) -> Int {
        let start = captures[2 * group]
        guard start >= 0 else { return -1 }
        var folded: [Unicode.Scalar] = []
        for index in start..<captures[2 * group + 1] { folded.append(contentsOf: CaseFolding.full(input[index])) }
        var end = position
        var offset = 0
        while offset < folded.count {
            guard end < count else { return -1 }
            let parts = CaseFolding.full(input[end])
            end += 1
            for part in parts {
                guard offset < folded.count, folded[offset] == part else { return -1 }
                offset += 1
            }
        }
        return end
    }

    @inline(__always)
    private func holds(_ anchor: Int32, _ position: Int) -> Bool {
        switch anchor {
        case 0: position == 0
        case 1: isLineEnd(position)
        case 2: position == count
        case 3: isWordBoundary(position)
        default: !isWordBoundary(position)
        }
    }

    /// ICU's `$`: the end, or before a line terminator (or "\r\n") that ends the input.
    private func isLineEnd(_ position: Int) -> Bool {
        let remaining = count - position
        if remaining == 0 { return true }
        if remaining == 1 {
            let last = input[position]
            guard ScalarClass.isLineTerminator(last) else { return false }
            return !(last == "\n" && position > 0 && input[position - 1] == "\r")
        }
        return remaining == 2 && input[position] == "\r" && input[position + 1] == "\n"
    }

    /// ICU's default `\b`: the characters either side (skipping combining marks and format
    /// characters before the position) differ in being `\w`; never before a combining mark.
    private func isWordBoundary(_ position: Int) -> Bool {
        var isWord = false
        if position < count {
            let scalar = input[position]
            if Self.isExtending(scalar) { return false }
            isWord = ScalarClass.isWord(scalar)
        }
        var wasWord = false
        var back = position
        while back > 0 {
            back -= 1
            let scalar = input[back]
            if !Self.isExtending(scalar) {
                wasWord = ScalarClass.isWord(scalar)
                break
            }
        }
        return isWord != wasWord
    }

    @inline(__always)
    private static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return scalar.value == 0xAD }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
    }
}
