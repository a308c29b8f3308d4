import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// `PathText` (no full Foundation) against `NSString`'s path methods, which it replaces in the
/// daemon: the same answer for every path below, symbolic links included.
@Suite struct PathTextTests {
    static let shapes = [
        "", "/", "//", "a", "a/", "/a", "/a/", "a/b", "/a/b", "/a//b", "/a/b/", "//a///b//", "a//b/",
        ".", "..", "./a", "../a", "/a/./b", "/a/../b", "/a/b/..", "/..", "/../a", "a/../b", "a/./b/.",
        "/var/lib/bulletind/bulletind.sqlite", "state/bulletind.sqlite", "~", "~/inbox", "~root/x",
        "~nosuchuserhere/x", "/a b/c d", "/Zürich/ünïcödé", "/a/b/c/../../d",
    ]

    @Test func lastAndDeletingLastComponentAsNSString() {
        for path in Self.shapes {
            #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "\(path)")
            #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
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
            #expect(PathText.standardized(path) == (path as NSString).standardizingPath, "\(path)")
        }
    }

    /// Links to folders, relative and absolute, chains of links, `..` after a link, a dangling
    /// link and a loop: resolved (or not) as `NSString.standardizingPath` does.
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
        try writeFile("\(real)/file", "x")
        var checked = 0
        for link in ["absolute", "relative", "chain", "dangling", "loop-a", "real"] {
            for tail in ["", "/", "/file", "/../file", "/./x/../file", "/missing/y", "//file"] {
                let path = folder.sub(link) + tail
                #expect(PathText.standardized(path) == (path as NSString).standardizingPath, "\(path)")
                checked += 1
            }
        }
        #expect(checked == 42)
        // The scenario really has links: the standardized path of one is its target.
        #expect(PathText.standardized(folder.sub("chain/file")).hasSuffix("/real/deep/file"))
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
}
