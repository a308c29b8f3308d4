#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// What is in the quarantine folder, read from the folder itself: a quarantined file is a name
/// `NAME` with its reason in `NAME.error` beside it (see `Quarantine`).
public struct QuarantineListing: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var reason: String
        /// When it was quarantined (the `.error` file's modification time).
        public var at: Date
    }

    /// Quarantined files.
    public var count: Int
    /// The newest, newest first.
    public var newest: [Entry]

    /// Reads `folder`; nil when it cannot be listed (a member of the drop group may not read the
    /// quarantine). A folder that does not exist yet is empty.
    public static func read(_ folder: String, newest limit: Int = 5) -> QuarantineListing? {
        guard let names = list(folder) else { return nil }
        let set = Set(names)
        var entries: [(name: String, mtime: Date)] = []
        for name in names where set.contains(name + ".error") {
            var info = stat()
            let time = stat("\(folder)/\(name).error", &info) == 0
                ? Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
                : .distantPast
            entries.append((name, time))
        }
        entries.sort { ($0.mtime, $0.name) > ($1.mtime, $1.name) }
        let newest = entries.prefix(limit).map { entry in
            Entry(name: entry.name, reason: reason(in: "\(folder)/\(entry.name).error"), at: entry.mtime)
        }
        return QuarantineListing(count: entries.count, newest: newest)
    }

    /// How many files are quarantined in `folder`; 0 when it cannot be listed.
    public static func count(in folder: String) -> Int {
        guard let names = list(folder) else { return 0 }
        let set = Set(names)
        return names.filter { set.contains($0 + ".error") }.count
    }

    private static func list(_ folder: String) -> [String]? {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            return access(folder, F_OK) != 0 && errno == ENOENT ? [] : nil
        }
    }

    /// The `reason:` line of a `.error` file (its first line otherwise).
    private static func reason(in path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        if let line = lines.first(where: { $0.hasPrefix("reason: ") }) { return String(line.dropFirst(8)) }
        return lines.first.map(String.init) ?? ""
    }
}
