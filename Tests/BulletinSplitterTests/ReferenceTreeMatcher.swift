@testable import BulletinSplitter

/// The tree matcher the splitter used before `PatternProgram` (kept here, in the tests only,
/// as the reference its compiled programs must agree with): a backtracking matcher over
/// `PatternNode`s with ICU's semantics, each node handing the positions where it can end
/// to a continuation.
final class ReferenceTreeMatcher {
    private let input: [Unicode.Scalar]
    /// Start and end of each capturing group (index 2n-2, 2n-1 for group n); -1 when unset.
    private var captures: [Int]

    init(input: [Unicode.Scalar], groupCount: Int) {
        self.input = input
        captures = Array(repeating: -1, count: groupCount * 2)
    }

    /// Whether `node` matches the whole input (ICU: `^(?:pattern)$`, anchored).
    func matchesWhole(_ node: PatternNode) -> Bool {
        match(node, 0) { self.isLineEnd($0) }
    }

    /// Whether `node` matches somewhere in the input.
    func occurs(_ node: PatternNode) -> Bool {
        for start in 0...input.count where match(node, start, { _ in true }) { return true }
        return false
    }

    private func match(_ node: PatternNode, _ position: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .scalar, .any, .set:
            return position < input.count && matchesOne(node, input[position]) && next(position + 1)
        case .text(let folded):
            guard let end = matchFolded(folded, at: position) else { return false }
            return next(end)
        case .sequence(let items):
            return sequence(items, 0, position, next)
        case .alternation(let branches):
            for branch in branches where match(branch, position, next) { return true }
            return false
        case .capture(let inner, let number):
            let slot = 2 * (number - 1)
            return match(inner, position) { end in
                let (oldStart, oldEnd) = (self.captures[slot], self.captures[slot + 1])
                self.captures[slot] = position
                self.captures[slot + 1] = end
                if next(end) { return true }
                self.captures[slot] = oldStart
                self.captures[slot + 1] = oldEnd
                return false
            }
        case .atomic(let inner):
            var end = -1
            guard match(inner, position, { end = $0; return true }) else { return false }
            return next(end)
        case .lookahead(let inner, let negative):
            let found = match(inner, position) { _ in true }
            return found != negative && next(position)
        case .lookbehind(let inner, let negative):
            var found = false
            for start in stride(from: position, through: 0, by: -1) where match(inner, start, { $0 == position }) {
                found = true
                break
            }
            return found != negative && next(position)
        case .repetition(let inner, let minimum, let maximum, let lazy):
            if inner.isSingleScalar {
                return repeatOne(inner, minimum, maximum ?? Int.max, lazy, position, next)
            }
            return repeatMany(inner, minimum, maximum ?? Int.max, lazy, 0, position, next)
        case .backReference(let number):
            let slot = 2 * (number - 1)
            guard captures[slot] >= 0 else { return false }
            let folded = input[captures[slot]..<captures[slot + 1]].flatMap(CaseFolding.full)
            guard let end = matchFolded(folded, at: position) else { return false }
            return next(end)
        case .anchor(let anchor):
            return holds(anchor, at: position) && next(position)
        }
    }

    /// The items from `index` on, simple ones matched in a loop.
    private func sequence(_ items: [PatternNode], _ index: Int, _ position: Int, _ next: (Int) -> Bool) -> Bool {
        var index = index
        var position = position
        while index < items.count {
            switch items[index] {
            case .scalar, .any, .set:
                guard position < input.count, matchesOne(items[index], input[position]) else { return false }
                position += 1
            case .text(let folded):
                guard let end = matchFolded(folded, at: position) else { return false }
                position = end
            case .anchor(let anchor):
                guard holds(anchor, at: position) else { return false }
            default:
                return match(items[index], position) { self.sequence(items, index + 1, $0, next) }
            }
            index += 1
        }
        return next(position)
    }

    /// A repeated single-scalar node: the run is measured once, then its lengths are tried.
    private func repeatOne(_ node: PatternNode, _ minimum: Int, _ maximum: Int, _ lazy: Bool,
                           _ position: Int, _ next: (Int) -> Bool) -> Bool {
        var count = 0
        while count < maximum, position + count < input.count, matchesOne(node, input[position + count]) {
            count += 1
        }
        guard count >= minimum else { return false }
        if lazy {
            for length in minimum...count where next(position + length) { return true }
        } else {
            for length in stride(from: count, through: minimum, by: -1) where next(position + length) { return true }
        }
        return false
    }

    /// A repeated group: one more iteration or stop, in the order greediness asks. An
    /// iteration that matches nothing ends the loop.
    private func repeatMany(_ node: PatternNode, _ minimum: Int, _ maximum: Int, _ lazy: Bool, _ count: Int,
                            _ position: Int, _ next: (Int) -> Bool) -> Bool {
        func again() -> Bool {
            count < maximum && match(node, position) { end in
                if end == position && count >= minimum { return false }
                return self.repeatMany(node, minimum, maximum, lazy, count + 1, end, next)
            }
        }
        if lazy {
            return (count >= minimum && next(position)) || again()
        }
        return again() || (count >= minimum && next(position))
    }

    @inline(__always)
    private func matchesOne(_ node: PatternNode, _ scalar: Unicode.Scalar) -> Bool {
        switch node {
        case .scalar(let folded):
            return CaseFolding.simple(scalar) == folded
        case .any:
            return !ScalarClass.isLineTerminator(scalar)
        case .set(let set):
            return set.matches(scalar)
        default:
            return false
        }
    }

    /// Where input starting at `position` whose full case folding is `folded` ends, taking
    /// whole input scalars only.
    private func matchFolded(_ folded: [Unicode.Scalar], at position: Int) -> Int? {
        var end = position
        var offset = 0
        while offset < folded.count {
            guard end < input.count else { return nil }
            let scalar = input[end]
            end += 1
            if scalar.isASCII {
                guard CaseFolding.asciiLowercased(scalar) == folded[offset] else { return nil }
                offset += 1
                continue
            }
            for part in CaseFolding.full(scalar) {
                guard offset < folded.count, folded[offset] == part else { return nil }
                offset += 1
            }
        }
        return end
    }

    private func holds(_ anchor: PatternAnchor, at position: Int) -> Bool {
        switch anchor {
        case .start: position == 0
        case .end: isLineEnd(position)
        case .absoluteEnd: position == input.count
        case .wordBoundary: isWordBoundary(position)
        case .notWordBoundary: !isWordBoundary(position)
        }
    }

    /// ICU's `$`: the end, or before a line terminator (or "\r\n") that ends the input.
    private func isLineEnd(_ position: Int) -> Bool {
        let remaining = input.count - position
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
        if position < input.count {
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
