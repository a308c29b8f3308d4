import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// `bulletind deliver`'s core on a real folder: what lands in the inbox, and the sysexits code
/// for each way it can fail. The full-disk and read-only cases mount small tmpfs folders, so
/// they need root (they are skipped otherwise).
@Suite struct MailDropTests {
    static let message = "From: Digest <news@example.org>\r\nSubject: Weekly digest\r\nDate: Tue, 01 Dec 2026 08:00:00 +0000\r\n\r\nFirst article\r\n"

    /// Delivers `text` (written to a file and opened as the input) into `inbox`.
    func deliver(_ text: String, into inbox: String, ignore: IgnoreRules = .standard, in tmp: TemporaryFolder) throws -> String {
        let input = tmp.sub("input-\(UUID().uuidString)")
        try writeFile(input, text)
        let fd = open(input, O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        return try MailDrop(inbox: inbox, ignore: ignore).deliver(from: fd, now: Date(timeIntervalSince1970: 1_796_112_000))
    }

    func failure(_ body: () throws -> String) -> DeliveryFailure? {
        do {
            let path = try body()
            Issue.record("expected a failure, the message was delivered to \(path)")
            return nil
        } catch let failure as DeliveryFailure {
            return failure
        } catch {
            Issue.record("expected a DeliveryFailure, got \(error)")
            return nil
        }
    }

    func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func storesTheMessageUnderAUniqueVisibleNameReadableByTheGroup() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let first = try deliver(Self.message, into: inbox, in: tmp)
        let second = try deliver(Self.message, into: inbox, in: tmp)
        #expect(first != second)
        #expect(names(inbox).count == 2)
        for path in [first, second] {
            let name = (path as NSString).lastPathComponent
            #expect(name.wholeMatch(of: /20261201T080000Z-[0-9a-f]{16}\.eml/) != nil, "name \(name)")
            #expect(readText(path) == Self.message)
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o640)
            #expect(!IgnoreRules.standard.ignores(name))
        }
    }

    @Test func anEmptyMessageIsADataErrorAndLeavesNothing() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        for text in ["", " \r\n\n\t"] {
            let failed = failure { try deliver(text, into: inbox, in: tmp) }
            #expect(failed?.exitCode == .dataError)
        }
        #expect(names(inbox).isEmpty)
    }

    @Test func aMissingInboxIsTemporaryAndAFileInItsPlaceCannotCreate() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let missing = failure { try deliver(Self.message, into: tmp.sub("missing"), in: tmp) }
        #expect(missing?.exitCode == .temporaryFailure)
        #expect(missing?.message.contains("does not exist") == true)
        try writeFile(tmp.sub("plain"), "not a folder")
        let notFolder = failure { try deliver(Self.message, into: tmp.sub("plain"), in: tmp) }
        #expect(notFolder?.exitCode == .cannotCreate)
    }

    @Test func ignorePatternsThatLetTheDaemonSeeTheTemporaryNameAreAConfigurationError() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let failed = failure { try deliver(Self.message, into: inbox, ignore: IgnoreRules(patterns: ["*~"]), in: tmp) }
        #expect(failed?.exitCode == .configuration)
        #expect(names(inbox).isEmpty)
    }

    @Test(.enabled(if: getuid() == 0, "mounts tmpfs: needs root"))
    func aFullDiskIsTemporaryAndLeavesNoFileVisibleOrHidden() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("small")
        #expect(mount("tmpfs", inbox, "tmpfs", 0, "size=64k") == 0, "mount: \(String(cString: strerror(errno)))")
        defer { umount2(inbox, Int32(MNT_DETACH)) }
        let big = String(repeating: "A line of a very long newsletter.\n", count: 8_000)  // 272 KB
        let failed = failure { try deliver(Self.message + big, into: inbox, in: tmp) }
        #expect(failed?.exitCode == .temporaryFailure)
        #expect(failed?.message.contains("disk is full") == true, "\(failed?.message ?? "")")
        #expect(names(inbox).isEmpty)
        // Once there is room, the same message goes through.
        let path = try deliver(Self.message, into: inbox, in: tmp)
        #expect(readText(path) == Self.message)
    }

    @Test(.enabled(if: getuid() == 0, "mounts tmpfs: needs root"))
    func aReadOnlyInboxIsTemporary() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("readonly")
        #expect(mount("tmpfs", inbox, "tmpfs", UInt(MS_RDONLY), "size=64k") == 0, "mount: \(String(cString: strerror(errno)))")
        defer { umount2(inbox, Int32(MNT_DETACH)) }
        let failed = failure { try deliver(Self.message, into: inbox, in: tmp) }
        #expect(failed?.exitCode == .temporaryFailure)
        #expect(failed?.message.contains("cannot be written") == true)
    }
}
