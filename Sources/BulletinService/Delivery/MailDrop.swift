#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Writes one mail message into the inbox the way a mail delivery agent must: under a hidden
/// temporary name (which the daemon's `ignore` patterns skip), fsync, then a rename to a
/// unique visible name `YYYYMMDDTHHMMSSZ-<16 hex digits>.eml`, then fsync of the folder.
/// A caller may rely on: when `deliver` returns, the message is in the inbox under the returned
/// path and survives a crash; when it throws, no visible file was left behind (the thrown
/// `DeliveryFailure` says so otherwise) and its `exitCode` tells the mail server whether to retry.
public struct MailDrop: Sendable {
    public let inbox: String
    public let ignore: IgnoreRules
    /// The delivered file's mode: readable by the drop group, whatever the caller's umask.
    public let permissions: mode_t

    public init(inbox: String, ignore: IgnoreRules, permissions: mode_t = 0o640) {
        self.inbox = inbox
        self.ignore = ignore
        self.permissions = permissions
    }

    /// Reads `input` to its end and stores it; returns the path of the new file.
    public func deliver(from input: Int32, now: Date = Date()) throws -> String {
        let temporary = ".deliver-\(MailDrop.randomHex()).tmp"
        guard ignore.ignores(temporary) else {
            throw DeliveryFailure(.configuration, "the configuration's ignore patterns do not cover hidden names like \(temporary): the daemon could take a message before it is complete (add \".*\" to ignore)")
        }
        let folder = open(inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw DeliveryFailure.system(POSIXFailure(operation: "open the inbox", path: inbox)) }
        defer { close(folder) }
        let file = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard file >= 0 else { throw DeliveryFailure.system(POSIXFailure(operation: "create", path: "\(inbox)/\(temporary)")) }
        var renamed = false
        defer { if !renamed { unlinkat(folder, temporary, 0) } }

        do {
            defer { close(file) }
            let visible = try copy(from: input, to: file, path: "\(inbox)/\(temporary)")
            guard visible else {
                throw DeliveryFailure(.dataError, "the message is empty: nothing was delivered")
            }
            guard fchmod(file, permissions) == 0 else { throw DeliveryFailure.system(POSIXFailure(operation: "chmod", path: "\(inbox)/\(temporary)")) }
            guard fsync(file) == 0 else { throw DeliveryFailure.system(POSIXFailure(operation: "fsync", path: "\(inbox)/\(temporary)")) }
        }
        let name = try publish(temporary, in: folder, now: now)
        renamed = true
        guard fsync(folder) == 0 else {
            let failure = DeliveryFailure.system(POSIXFailure(operation: "fsync the inbox", path: inbox))
            throw DeliveryFailure(failure.exitCode, "\(failure.message); \(name) is in the inbox but may not survive a crash (a retried copy is stored as a duplicate)")
        }
        return "\(inbox)/\(name)"
    }

    /// Copies `input` to `file` in 64 KiB pieces; returns whether any byte was not white space.
    private func copy(from input: Int32, to file: Int32, path: String) throws -> Bool {
        let size = 65_536
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var visible = false
        while true {
            let count = read(input, buffer, size)
            if count < 0 {
                if errno == EINTR { continue }
                throw DeliveryFailure(.temporaryFailure, "\(POSIXFailure(operation: "read the message from", path: "standard input")); the mail server will retry")
            }
            if count == 0 { return visible }
            if !visible {
                let bytes = buffer.assumingMemoryBound(to: UInt8.self)
                visible = (0..<count).contains { !MailDrop.isSpace(bytes[$0]) }
            }
            var offset = 0
            while offset < count {
                let written = write(file, buffer + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DeliveryFailure.system(POSIXFailure(operation: "write", path: path))
                }
                offset += written
            }
        }
    }

    /// Renames `temporary` to a fresh visible name without ever replacing an existing file.
    private func publish(_ temporary: String, in folder: Int32, now: Date) throws -> String {
        for _ in 0..<16 {
            let name = "\(MailDrop.timestamp(now))-\(MailDrop.randomHex()).eml"
            if MailDrop.renameNoReplace(folder, temporary, name) == 0 { return name }
            switch errno {
            case EEXIST:
                continue
            case EINVAL, ENOSYS:
                // A file system without RENAME_NOREPLACE: link(2) also refuses to replace.
                if linkat(folder, temporary, folder, name, 0) == 0 {
                    unlinkat(folder, temporary, 0)
                    return name
                }
                if errno == EEXIST { continue }
                throw DeliveryFailure.system(POSIXFailure(operation: "link", path: "\(inbox)/\(name)"))
            default:
                throw DeliveryFailure.system(POSIXFailure(operation: "rename", path: "\(inbox)/\(name)"))
            }
        }
        throw DeliveryFailure(.temporaryFailure, "no free name in \(inbox) after 16 tries; the mail server will retry")
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2(2) (since 2.28), looked up at run time: Swift's Glibc module does not
    /// declare it. Nil when the C library lacks it.
    private static let renameat2: RenameAt2? = {
        guard let library = dlopen(nil, RTLD_NOW), let symbol = dlsym(library, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// renameat2(folder, from, folder, to, RENAME_NOREPLACE); -1 with errno ENOSYS when unavailable.
    private static func renameNoReplace(_ folder: Int32, _ from: String, _ to: String) -> Int32 {
        guard let renameat2 else {
            errno = ENOSYS
            return -1
        }
        let renameNoReplace: UInt32 = 1  // RENAME_NOREPLACE, <linux/fs.h>
        return renameat2(folder, from, folder, to, renameNoReplace)
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let two = LocalCalendar.two
        return LocalDay.fourDigits(Int(parts.tm_year) + 1900) + two(Int(parts.tm_mon) + 1) + two(Int(parts.tm_mday))
            + "T" + two(Int(parts.tm_hour)) + two(Int(parts.tm_min)) + two(Int(parts.tm_sec)) + "Z"
    }

    static func randomHex() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
