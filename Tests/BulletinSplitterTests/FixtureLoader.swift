import Foundation
import BulletinReader
import Testing

/// Loads test fixtures and builds `Document`s the way the Reader would.
enum FixtureLoader {
    /// The named fixture from the test bundle's Fixtures folder, as a normalised Document.
    static func document(_ name: String, markup: Markup = .plain) throws -> Document {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let url = try #require(Bundle.module.url(forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil, subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return normalisedDocument(text, markup: markup)
    }

    /// Text normalised like the Reader does: NBSP → space, CRLF → LF, no trailing
    /// whitespace, at most one blank line in a row, no leading or trailing blank lines.
    static func normalisedDocument(_ raw: String, markup: Markup = .plain) -> Document {
        let unixText = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
        var lines: [String] = []
        for line in unixText.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = Substring(line)
            while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty && (lines.isEmpty || lines.last == "") { continue }
            lines.append(String(trimmed))
        }
        while lines.last == "" { lines.removeLast() }
        return Document(format: markup == .markdown ? .markdown : .text, encoding: "utf-8", markup: markup, text: lines.joined(separator: "\n"))
    }

    /// The real sample bulletin, when present next to the repository.
    static func sample() throws -> Document? {
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared/samples/diplo-digest-2026-11.txt")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return normalisedDocument(try String(contentsOf: url, encoding: .utf8))
    }
}
