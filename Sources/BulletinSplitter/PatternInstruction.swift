/// One step of a compiled `PatternProgram`: an operation and plain integer operands, so that
/// running a program reads memory and touches no reference counts. Operands a…d mean what
/// each operation says; a target is an index into the program.
struct PatternInstruction: Sendable {
    enum Operation: UInt8, Sendable {
        /// One input scalar whose simple case folding is `a` (a literal character). ASCII input
        /// compares its lower case; other input is folded only when `b` is 1 (some non-ASCII
        /// scalar folds to `a`).
        case scalar
        /// Input whose full case folding is the `b` scalars at `a` in the literal pool, whole
        /// input scalars only (literal text).
        case text
        /// `.`: any scalar but a line terminator.
        case any
        /// One scalar of set `a` of the program.
        case set
        /// Go on at `a`; when that fails, at `b`.
        case split
        case jump
        /// The single-scalar instruction after this one, repeated `a`…`b` times: most first,
        /// fewest first, or most and never fewer. Then on at this index + 2.
        case repeatGreedy
        case repeatLazy
        case repeatPossessive
        /// A zero-width assertion: `a` is a `PatternAnchor` (`PatternProgram.anchorCode`).
        case anchor
        /// Register `a` := the position (a capturing group opens; only with back-references).
        case groupOpen
        /// Group `a` (0-based) := register `b` …the position.
        case groupClose
        /// Group `a`'s text again, compared case-insensitively.
        case backReference
        /// Register `a` := the position (a loop iteration begins).
        case mark
        /// Fails when the position is still register `a` (an optional iteration matched nothing).
        case progress
        /// Sub-program from here + 1 up to `a`, sub-run `b`: its first end (`(?>…)`), then on at `a`.
        case atomic
        /// Sub-program from here + 1 up to `a`, sub-run `b`: whether it matches here, `c` = 1
        /// negated; then on at `a` at the same position.
        case lookahead
        /// The same, for a match that ends here.
        case lookbehind
        /// The end of the program or of a sub-program.
        case succeed
        /// Counter register `a` := 0 (a large counted repetition of a group begins).
        case counterStart
        /// With counter `a` below `c` the body (here + 1) may run again, with it at least `b` the
        /// loop may end (at `d`): body first, or end first.
        case counterLoopGreedy
        case counterLoopLazy
        /// An iteration begins: register `b` := the position when counter `a` is at least `c`
        /// and the body can match nothing (`d` = 1), else -1.
        case counterBody
        /// An iteration ends: fails when it matched nothing (register `b`), else counter `a` + 1
        /// and back to the loop at `c`.
        case counterNext
    }

    var operation: Operation
    /// The memo row of this instruction (an instruction that several paths reach), or -1.
    var memo: Int32 = -1
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0

    init(_ operation: Operation, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0) {
        self.operation = operation
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }
}
