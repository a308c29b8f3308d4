import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under the system temp directory, removed by `remove()`.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ label: String = "bulletind") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func sub(_ name: String) -> String { "\(path)/\(name)" }

    /// Creates a folder below this one and returns its path.
    func folder(_ name: String) throws -> String {
        let p = sub(name)
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }
}

/// Writes `text` to `path` in one open/write/close (one IN_CLOSE_WRITE).
func writeFile(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
/// Generous deadlines: the machine is busy and slow, and no test asserts on timing.
func eventually(within seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}

/// An opened directory descriptor for lifecycle calls; closed by the caller.
func openDirectory(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
}

/// A bulletin in the publisher's text layout, with invented articles.
func inventedBulletin(tag: String) -> String {
    """
    Harbour Council adopts open ledger for port data \(tag)

    The Harbour Council of the fictional city of Vellmar agreed on a shared ledger for shipping \
    data, so that customs, pilots and insurers read the same records.

    Why does it matter?

    Shared records reduce disputes over delays and make data protection audits simpler.

    Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

    Lantern Alliance drafts rules for satellite spectrum \(tag)

    Seven invented states of the Lantern Alliance published a draft on sharing satellite \
    spectrum during emergencies, with a public comment period of forty days.

    Why does it matter?

    Spectrum disputes slow down disaster relief when every minute counts.

    Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

    """
}
