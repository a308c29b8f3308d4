import Foundation
import Testing
@testable import BulletinReader

/// Access to the committed fixture files and the shared sample.
enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is missing" }
    }

    /// The bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: name)
        guard let resource = Bundle.module.url(
            forResource: url.deletingPathExtension().lastPathComponent,
            withExtension: url.pathExtension,
            subdirectory: "Fixtures"
        ) else { throw Missing(name: name) }
        return try Data(contentsOf: resource)
    }

    /// Reads `Fixtures/<name>` with the reader, under its own file name.
    static func read(_ name: String) throws -> Document {
        try BulletinReader().read(data(name), fileName: name)
    }

    /// The normalised text of the `*-bulletin.txt` fixtures (all encode the same text).
    static let bulletinText = """
        Coastal states agree on undersea cable repair pact

        Seven coastal states signed a pact on Tuesday to speed up repairs of damaged undersea data cables, pooling two repair ships and sharing fault reports within 24 hours.

        Why does it matter?

        Most cross-border internet traffic in the region runs through fewer than a dozen cables, so a single cut can slow payments and cloud services for days.

        Want more digital policy news? Ask our newsroom assistant!

        City council pilots an algorithm register

        The council of Port Ellery published a public register of the 14 algorithms its departments use, from parking fines to school placement.
            Indented line keeps its indentation.
        """

    /// The shared real sample, or nil when it is not present on this machine.
    static func sample(filePath: String = #filePath) -> Data? {
        let repoRoot = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repoRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/samples/diplo-digest-2026-11.txt")
        return try? Data(contentsOf: url)
    }
}

/// Calls `body` and returns the `ReadError` it throws (nil when it does not throw).
func readError(_ body: () throws(ReadError) -> Document) -> ReadError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
