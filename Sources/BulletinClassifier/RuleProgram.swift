/// A rule's expression compiled to a flat postfix program, evaluated without recursion or
/// allocation. Each instruction is one `Int32`: `argument << 2 | kind`, kind 0 pushing
/// whether term `argument` matched, 1 (2) replacing the top `argument` values by their AND
/// (OR), 3 negating the top value. A program never pushes more values than it has
/// instructions.
enum RuleProgram {
    /// Appends the program of `expression` to `program`.
    static func compile(_ expression: RuleExpression, into program: inout [Int32]) {
        switch expression {
        case .term(let index):
            program.append(Int32(index) << 2)
        case .and(let operands):
            for operand in operands { compile(operand, into: &program) }
            program.append(Int32(operands.count) << 2 | 1)
        case .or(let operands):
            for operand in operands { compile(operand, into: &program) }
            program.append(Int32(operands.count) << 2 | 2)
        case .not(let operand):
            compile(operand, into: &program)
            program.append(3)
        }
    }

    /// The value of the compiled expression, `matched[i]` telling whether term `i` matched.
    /// `stack` needs at least as many elements as `program`.
    static func evaluate(_ program: ArraySlice<Int32>, matched: UnsafeBufferPointer<Bool>,
                         stack: UnsafeMutableBufferPointer<Bool>) -> Bool {
        var top = 0
        for instruction in program {
            let argument = Int(instruction >> 2)
            switch instruction & 3 {
            case 0:
                stack[top] = matched[argument]
                top += 1
            case 1:
                var value = true
                for index in (top - argument)..<top where !stack[index] { value = false }
                top -= argument
                stack[top] = value
                top += 1
            case 2:
                var value = false
                for index in (top - argument)..<top where stack[index] { value = true }
                top -= argument
                stack[top] = value
                top += 1
            default:
                stack[top - 1].toggle()
            }
        }
        return stack[0]
    }
}
