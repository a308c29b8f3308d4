import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

@Suite struct InboxScannerTests {
    func setModificationTime(_ path: String, _ seconds: Int) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(seconds))],
                                              ofItemAtPath: path)
    }

    @Test func listsOldestFirstThenByNameAndLeavesIgnoredNamesOut() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        for (name, time) in [("c.txt", 3_000), ("b.txt", 1_000), ("a.txt", 2_000), ("z.txt", 1_000),
                             (".hidden", 10), ("partial.part", 10)] {
            try writeFile("\(inbox)/\(name)", name)
            try setModificationTime("\(inbox)/\(name)", time)
        }
        let names = try InboxScanner(directory: inbox, ignoreRules: .standard).scan()
        #expect(names == ["b.txt", "z.txt", "a.txt", "c.txt"])
    }

    @Test func aSubFolderIsListedByNameButNotDescendedInto() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let nested = try tmp.folder("inbox/nested")
        try writeFile("\(nested)/inner.txt", "inner")
        let names = try InboxScanner(directory: inbox, ignoreRules: .standard).scan()
        #expect(names == ["nested"])
    }

    @Test func aMissingInboxThrows() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        #expect(throws: POSIXFailure.self) {
            _ = try InboxScanner(directory: tmp.sub("missing"), ignoreRules: .standard).scan()
        }
    }

    @Test func ignoreRulesUseShellPatterns() {
        let rules = IgnoreRules.standard
        for name in [".x", "a~", "a.tmp", "a.part", "a.swp", ".", "..", ""] {
            #expect(rules.ignores(name), "\(name) should be ignored")
        }
        for name in ["a.txt", "a.tmp.txt", "part", "digest~1.txt", "swp"] {
            #expect(!rules.ignores(name), "\(name) should be taken")
        }
        #expect(IgnoreRules(patterns: ["*.eml"]).ignores("mail.eml"))
        #expect(!IgnoreRules(patterns: []).ignores(".hidden"))
    }
}
