#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinClassifier

/// Reads a rules file from disk and parses it into a taxonomy.
public enum RulesLoader {
    /// Throws `RulesError` with `file:line:column` diagnostics, or `ConfigurationError` when
    /// the file cannot be read.
    public static func load(path: String) throws -> Taxonomy {
        let text = try TextFile.read(path, what: "rules file")
        return try Taxonomy.parse(text, fileName: path)
    }
}
