import Foundation

/// A list of `SplitterConfig` patterns compiled once, matched against whole lines.
///
/// `NSRegularExpression` is immutable once created and documented as safe to use from
/// several threads, hence the unchecked `Sendable`.
final class LinePatternSet: @unchecked Sendable {
    /// Lines longer than this (UTF-8 bytes) never match: bounds the regex work per line.
    static let maximumLineLength = 1_000

    private let expressions: [NSRegularExpression]
    private let lengthLimit: Int
    /// Rules most lines out without running a regex; nil when the patterns allow no such test.
    private let prefilter: LinePrefilter?

    /// Compiles each pattern case-insensitively, anchored to the whole line.
    /// Patterns without back-references are merged into one alternation so that a line
    /// costs one match, whatever the number of patterns.
    /// Lines longer than `lengthLimit` UTF-8 bytes (at most `maximumLineLength`) never match.
    init(_ patterns: [String], lengthLimit: Int = LinePatternSet.maximumLineLength) throws(SplitterConfigError) {
        self.lengthLimit = min(lengthLimit, Self.maximumLineLength)
        prefilter = LinePrefilter(patterns: patterns)
        var anchored: [NSRegularExpression] = []
        for pattern in patterns {
            do {
                // Validate the pattern on its own first: wrapped in a group, an
                // unbalanced ")" could otherwise compile into something else.
                _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                anchored.append(try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive]))
            } catch {
                throw SplitterConfigError(pattern: pattern, message: String(describing: error))
            }
        }
        let mergeable = patterns.count > 1 && !patterns.contains(where: LinePatternSet.hasGroupReference)
        if mergeable,
           let merged = try? NSRegularExpression(
               pattern: "^(?:" + patterns.map { "(?:\($0))" }.joined(separator: "|") + ")$",
               options: [.caseInsensitive]) {
            expressions = [merged]
        } else {
            expressions = anchored
        }
    }

    /// Whether the whole of `line` matches one of the patterns.
    func matches(_ line: String) -> Bool {
        guard !expressions.isEmpty, !line.isEmpty, line.utf8.count <= lengthLimit else { return false }
        if let prefilter, prefilter.excludes(line) { return false }
        let range = NSRange(location: 0, length: line.utf16.count)
        return expressions.contains { $0.firstMatch(in: line, options: [.anchored], range: range) != nil }
    }

    /// Back-references and named groups would change meaning once patterns are merged.
    private static func hasGroupReference(_ pattern: String) -> Bool {
        var previousWasBackslash = false
        for scalar in pattern.unicodeScalars {
            if previousWasBackslash {
                if ("1"..."9").contains(scalar) || scalar == "k" { return true }
                previousWasBackslash = false
            } else if scalar == "\\" {
                previousWasBackslash = true
            }
        }
        return pattern.contains("(?<") && pattern.replacingOccurrences(of: "(?<=", with: "")
            .replacingOccurrences(of: "(?<!", with: "").contains("(?<")
    }
}
