#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a small UTF-8 text file (configuration, rules) with an error that names it.
enum TextFile {
    static func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ConfigurationError(file: path, line: nil, column: nil, message: "\(what) \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, column: nil, message: "\(what) is not valid UTF-8")
        }
        return text
    }
}
