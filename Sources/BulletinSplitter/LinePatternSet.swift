/// A list of `SplitterConfig` patterns compiled once (`LinePattern`), matched against whole lines.
final class LinePatternSet: Sendable {
    /// Lines longer than this (UTF-8 bytes) never match: bounds the matching work per line.
    static let maximumLineLength = 1_000

    private let patterns: [LinePattern]
    private let lengthLimit: Int
    /// Rules most lines out without running a pattern; nil when the patterns allow no such test.
    private let prefilter: LinePrefilter?

    /// Compiles each pattern (case-insensitive, anchored to the whole line); throws
    /// `SplitterConfigError` for the first that is not valid.
    /// Lines longer than `lengthLimit` UTF-8 bytes (at most `maximumLineLength`) never match.
    init(_ patterns: [String], lengthLimit: Int = LinePatternSet.maximumLineLength) throws(SplitterConfigError) {
        self.lengthLimit = min(lengthLimit, Self.maximumLineLength)
        prefilter = patterns.count > 1 ? LinePrefilter(patterns: patterns) : nil
        var compiled: [LinePattern] = []
        for pattern in patterns {
            compiled.append(try LinePattern(pattern))
        }
        self.patterns = compiled
    }

    /// Whether the whole of `line` matches one of the patterns. The set's prefilter rules most
    /// lines out at once; then each pattern's own prefilter, then its matcher.
    func matches(_ line: String) -> Bool {
        let length = line.utf8.count
        guard !patterns.isEmpty, length > 0, length <= lengthLimit else { return false }
        if let prefilter, prefilter.excludes(line) { return false }
        // The line's scalars, decoded once for all patterns into scratch memory.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: length) { buffer in
            var count = -1
            for pattern in patterns {
                if let own = pattern.prefilter, own.excludes(line) { continue }
                if count < 0 {
                    count = 0
                    for scalar in line.unicodeScalars {
                        buffer.initializeElement(at: count, to: scalar)
                        count += 1
                    }
                }
                if pattern.matchesWhole(UnsafeBufferPointer(rebasing: buffer[..<count])) { return true }
            }
            return false
        }
    }
}
