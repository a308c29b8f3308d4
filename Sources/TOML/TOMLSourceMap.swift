/// Maps a position inside a string value's content back to the file.
///
/// Offsets are counted in Unicode scalars of the decoded content (`String.unicodeScalars`).
/// The mapping is exact for every kind of string: an escape sequence maps to its backslash,
/// and the characters after it map to where they are written.
public struct TOMLSourceMap: Sendable, Equatable {
    /// A stretch of content copied verbatim from the file, starting at `offset` in the
    /// content and at `position` in the file.
    struct Run: Sendable, Equatable {
        var offset: Int
        var position: TOMLPosition
    }

    var runs: [Run]
    /// Content offsets of the newlines that are line breaks in the file (not `\n` escapes).
    var newlineOffsets: [Int]

    init(runs: [Run], newlineOffsets: [Int]) {
        self.runs = runs
        self.newlineOffsets = newlineOffsets
    }

    /// The file position of the content's scalar at `offset`. Negative offsets count as 0;
    /// offsets past the end continue the last line of the string.
    public func position(ofScalarOffset offset: Int) -> TOMLPosition {
        guard let first = runs.first else { return TOMLPosition(line: 1, column: 1) }
        let offset = max(offset, 0)
        // Last run starting at or before `offset`.
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].offset <= offset { low = mid } else { high = mid - 1 }
        }
        let run = runs[low].offset <= offset ? runs[low] : first
        // Source newlines in [run.offset, offset).
        let fromIndex = lowerBound(newlineOffsets, run.offset)
        let toIndex = lowerBound(newlineOffsets, offset)
        if toIndex == fromIndex {
            return TOMLPosition(line: run.position.line, column: run.position.column + offset - run.offset)
        }
        let lastNewline = newlineOffsets[toIndex - 1]
        return TOMLPosition(line: run.position.line + toIndex - fromIndex, column: offset - lastNewline)
    }

    private func lowerBound(_ values: [Int], _ value: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
