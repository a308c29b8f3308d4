#if canImport(Glibc)
import Glibc
#endif

/// Glob patterns (fnmatch(3), no flags) of inbox names that are never taken: hidden files
/// and the temporary names editors and downloaders write before the final rename.
public struct IgnoreRules: Sendable, Equatable {
    public var patterns: [String]

    public init(patterns: [String]) {
        self.patterns = patterns
    }

    /// `.*`, `*~`, `*.tmp`, `*.part`, `*.swp`.
    public static let standard = IgnoreRules(patterns: [".*", "*~", "*.tmp", "*.part", "*.swp"])

    /// Whether `name` (a bare file name, no folder) matches one of the patterns.
    /// "." and ".." are always ignored.
    public func ignores(_ name: String) -> Bool {
        if name.isEmpty || name == "." || name == ".." { return true }
        return patterns.contains { fnmatch($0, name, 0) == 0 }
    }
}
