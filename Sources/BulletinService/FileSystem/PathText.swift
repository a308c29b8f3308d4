#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The path operations bulletind used from `NSString` (full Foundation), done on `String`
/// with the same results: `PathTextTests` compares every one with `NSString`'s on the same
/// inputs, symbolic links included.
///
/// - `lastComponent`, `deletingLastComponent`: repeated slashes count as one and a trailing
///   slash is ignored (`"a//b/"` → `"b"`, `"a"`); `"/"` stays `"/"`, a lone relative name's
///   folder is `""`.
/// - `appending`: joins with one `/` unless the left side ends in one or either side is empty.
/// - `expandingTilde`: `~` (`$HOME`, else the user's entry in the password database) and
///   `~user`; other paths unchanged.
/// - `standardized`: see there.
public enum PathText {
    public static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed.count <= 1 { return fixed }
        return String(fixed[startOfLastComponent(fixed)...])
    }

    public static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        let start = startOfLastComponent(fixed)
        if start == fixed.startIndex { return "" }
        if start == fixed.index(after: fixed.startIndex) { return "/" }
        return String(fixed[..<fixed.index(before: start)])
    }

    public static func appending(_ path: String, _ component: String) -> String {
        if component.isEmpty { return path }
        if path.isEmpty { return component }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }

    public static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let endOfUser = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<endOfUser])
        guard let home = homeDirectory(user: user.isEmpty ? nil : user) else {
            return fixingSlashes(path, compress: false)
        }
        return fixingSlashes(home + path[endOfUser...], compress: false)
    }

    /// `path` with `~` expanded, then walked one component at a time: repeated slashes and `.`
    /// dropped, `..` taking off the component before it (in an absolute path), and each
    /// component that is a symbolic link with an absolute target replaced by that target
    /// (links with a relative target are left as written, as Foundation on Linux leaves them);
    /// a leading `/private` or `/var/automount` removed when what is left exists.
    public static func standardized(_ path: String) -> String {
        let resolved = resolvingSymlinks(expandingTilde(path))
        return removingPrefix("/var/automount", from: resolved) ?? resolved
    }

    // MARK: - The parts, as NSPathUtilities has them

    /// Repeated slashes made one (unless `compress` is false); a trailing slash dropped.
    static func fixingSlashes(_ path: String, compress: Bool = true) -> String {
        if path == "/" { return path }
        var result = ""
        result.reserveCapacity(path.utf8.count)
        var previousWasSlash = false
        for character in path {
            if character == "/" && previousWasSlash && compress { continue }
            previousWasSlash = character == "/"
            result.append(character)
        }
        if result.hasSuffix("/") { result.removeLast() }
        return result
    }

    private static func startOfLastComponent(_ fixed: String) -> String.Index {
        var position = fixed.endIndex
        while position > fixed.startIndex {
            let previous = fixed.index(before: position)
            if fixed[previous] == "/" { break }
            position = previous
        }
        return position
    }

    /// `"/"` first for an absolute path, then each non-empty name, then `"/"` for a trailing slash.
    static func components(_ path: String) -> [String] {
        guard !path.isEmpty else { return [] }
        var result: [String] = path.hasPrefix("/") ? ["/"] : []
        result += path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if path.count > 1 && path.hasSuffix("/") { result.append("/") }
        return result
    }

    private static func resolvingSymlinks(_ path: String) -> String {
        var parts = components(path)
        guard !parts.isEmpty else { return path }
        if parts.last == "/" && parts.count > 1 { parts.removeLast() }
        let absolute = path.hasPrefix("/") || path.hasPrefix("~")
        var resolved = parts.removeFirst()
        for part in parts {
            switch part {
            case "", ".":
                break
            case ".." where absolute:
                resolved = deletingLastComponent(resolved)
            default:
                resolved = appending(resolved, part)
                if let target = absoluteLinkTarget(resolved) { resolved = target }
            }
        }
        return removingPrefix("/private", from: resolved) ?? resolved
    }

    /// Where the symbolic link at `path` leads, following links to links while their targets
    /// are absolute; nil when `path` is not a link with an absolute target (or for a loop).
    private static func absoluteLinkTarget(_ path: String) -> String? {
        guard var target = readLink(path), target.hasPrefix("/") else { return nil }
        for _ in 0..<32 {
            guard let next = readLink(target), next.hasPrefix("/") else { return target }
            target = next
        }
        return nil
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` without `prefix` when it starts with it (as text) and what is left exists.
    private static func removingPrefix(_ prefix: String, from path: String) -> String? {
        guard path != prefix, path.hasPrefix(prefix) else { return nil }
        let rest = String(path.dropFirst(prefix.count))
        return access(rest, F_OK) == 0 ? rest : nil
    }

    private static func homeDirectory(user: String?) -> String? {
        if user == nil, let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { return home }
        let entry = user.map { getpwnam($0) } ?? getpwuid(getuid())
        guard let entry, let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }
}
