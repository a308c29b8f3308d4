import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// What BulletinService does without full Foundation against what full Foundation did: `PathText`
/// against `NSString`'s path methods (symbolic links included), `DecimalText` against
/// `String(format:)`, `replacingScalar` against `replacingOccurrences(of:with:)`.
@Suite struct FoundationParityTests {
    static let shapes = [
        "", "/", "//", "a", "a/", "/a", "/a/", "a/b", "/a/b", "/a//b", "/a/b/", "//a///b//", "a//b/",
        ".", "..", "./a", "../a", "/a/./b", "/a/../b", "/a/b/..", "/..", "/../a", "a/../b", "a/./b/.",
        "/var/lib/bulletind/bulletind.sqlite", "state/bulletind.sqlite", "~", "~/inbox", "~root/x",
        "~nosuchuserhere/x", "/a b/c d", "/Zürich/ünïcödé", "/a/b/c/../../d",
    ]

    @Test func lastAndDeletingLastComponentAsNSString() {
        // NSString traps on a one-letter relative name ("a", "a/", ".": PathText gives "") and on
        // repeated trailing slashes ("//a///b//": PathText gives "b" and "/a").
        let trapping = { (path: String) in
            (PathText.fixingSlashes(path).count == 1 && !path.hasPrefix("/")) || path.hasSuffix("//")
        }
        for path in Self.shapes where !trapping(path) {
            #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "\(path)")
            #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
        #expect(PathText.deletingLastComponent("a") == "")
        #expect(PathText.lastComponent("//a///b//") == "b" && PathText.deletingLastComponent("//a///b//") == "/a")
    }

    @Test func appendingAsNSString() {
        for left in ["", "/", "/a", "/a/", "a", "/run/bulletind"] {
            for right in ["", "b", "b/c", "state.json", "/b"] {
                #expect(PathText.appending(left, right) == (left as NSString).appendingPathComponent(right),
                        "\(left) + \(right)")
            }
        }
    }

    @Test func tildeAndStandardizedAsNSString() throws {
        for path in Self.shapes {
            #expect(PathText.expandingTilde(path) == (path as NSString).expandingTildeInPath, "\(path)")
            guard path.hasPrefix("/") || path.hasPrefix("~") else { continue }
            #expect(PathText.standardized(path) == (path as NSString).standardizingPath, "\(path)")
        }
    }

    /// Links to folders, relative and absolute, chains of links, `..` after a link, a dangling
    /// link and a loop: resolved (links with an absolute target) or left (relative targets) as
    /// `NSString.standardizingPath` does.
    @Test func symbolicLinksResolvedAsNSString() throws {
        let folder = try TemporaryFolder("pathtext")
        defer { folder.remove() }
        let real = try folder.folder("real/deep")
        #expect(symlink(real, folder.sub("absolute")) == 0)
        #expect(symlink("real/deep", folder.sub("relative")) == 0)
        #expect(symlink("relative", folder.sub("chain")) == 0)
        #expect(symlink("nowhere", folder.sub("dangling")) == 0)
        #expect(symlink("loop-b", folder.sub("loop-a")) == 0)
        #expect(symlink("loop-a", folder.sub("loop-b")) == 0)
        #expect(symlink(folder.sub("absolute"), folder.sub("absolute-chain")) == 0)
        try writeFile("\(real)/file", "x")
        var checked = 0
        for link in ["absolute", "absolute-chain", "relative", "chain", "dangling", "loop-a", "real"] {
            for tail in ["", "/", "/file", "/../file", "/./x/../file", "/missing/y", "//file"] {
                let path = folder.sub(link) + tail
                #expect(PathText.standardized(path) == (path as NSString).standardizingPath, "\(path)")
                checked += 1
            }
        }
        #expect(checked == 49)
        // The scenario really has links: one with an absolute target is resolved.
        #expect(PathText.standardized(folder.sub("absolute/file")) == "\(real)/file")
    }

    /// The decimals of `DecimalText` are `String(format:)`'s, halves and near-halves included.
    @Test func decimalTextAsStringFormat() {
        var values: [Double] = [0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.25, 2.5, 9.95, 9.96, 9.999, 99.5, 100.5,
                                999.95, 1e6 + 0.5, -0.05, -1.25, 1e-9, 123_456_789.05]
        for step in 0..<2_000 { values.append(Double(step) * 0.005) }
        for value in values {
            for digits in [0, 1] {
                #expect(DecimalText.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value)")
            }
        }
    }

    /// The escapes of the log line and the quarantine sidecar, on text with line breaks,
    /// quotes, backslashes and combining marks next to them.
    @Test func replacingScalarAsReplacingOccurrences() {
        let texts = ["", "plain", "a\nb", "a\r\nb", "\n\n", "\"q\" \\ \\\"", "e\u{301}\n", "\n\u{301}x", "\"\u{301}",
                     "\\\u{301}", "tab\tand\u{2028}sep", "Zürich\n日本", "🇨🇭\n👩‍👩‍👧",
                     "\n\u{20DD}", "\n\u{093F}", "\n\u{FE0F}", "\n\u{200D}x", "\n\u{1F3FB}", "\n\u{0300}\u{0301}", "\n\u{1100}\u{1161}"]
        for text in texts {
            for (target, replacement) in [("\n", " "), ("\n", "\\n"), ("\"", "\\\""), ("\\", "\\\\")] {
                let scalar = target.unicodeScalars.first!
                #expect(text.replacingScalar(scalar, with: replacement)
                        == text.replacingOccurrences(of: target, with: replacement), "\(text.debugDescription)")
            }
        }
    }
}
