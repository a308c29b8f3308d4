#if canImport(Glibc)
import Glibc
#endif

/// Why `MailDrop.deliver` did not store a message, and the sysexits(3) code that tells the
/// mail server what to do about it. Nothing visible is left in the inbox when this is thrown,
/// except for `.folderNotSynced` (the file is there but may not survive a crash).
public struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    public var exitCode: SysExit
    public var message: String

    public init(_ exitCode: SysExit, _ message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public var description: String { message }

    /// A failed system call on the inbox or the message file, classified by errno: an inbox
    /// that is not a folder cannot take files (73), anything else may pass (75).
    static func system(_ failure: POSIXFailure) -> DeliveryFailure {
        let code: SysExit = failure.code == ENOTDIR ? .cannotCreate : .temporaryFailure
        let hint: String
        switch failure.code {
        case ENOSPC, EDQUOT: hint = "the disk is full"
        case EACCES, EPERM, EROFS: hint = "the inbox cannot be written"
        case ENOENT: hint = "the inbox does not exist"
        case ENOTDIR: hint = "the inbox is not a folder"
        default: hint = "an I/O error"
        }
        let retry = code == .temporaryFailure ? "; the mail server will retry" : ""
        return DeliveryFailure(code, "\(failure) (\(hint)\(retry))")
    }
}
