/// The exit codes of sysexits(3) that a mail delivery agent uses, so the mail server knows
/// whether to retry (Postfix's pipe(8) defers on 75 and 78 and bounces on 65 and 73).
public enum SysExit: Int32, Sendable {
    /// The message is stored durably.
    case ok = 0
    /// EX_DATAERR: the input is not a message (empty); retrying cannot help.
    case dataError = 65
    /// EX_CANTCREAT: the inbox is not a folder, so no file can ever be created in it.
    case cannotCreate = 73
    /// EX_TEMPFAIL: full disk, an inbox that cannot be written, an I/O error: retry later.
    case temporaryFailure = 75
    /// EX_CONFIG: the configuration is broken; the mail server keeps the message meanwhile.
    case configuration = 78
}
