import ArgumentParser
import BulletinService
#if canImport(Glibc)
import Glibc
#endif

/// A mail delivery agent: one message on standard input becomes one file in the inbox.
struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Store one mail message from standard input in the inbox (for Postfix's pipe(8), an alias, fetchmail or getmail).",
        discussion: """
        Writes the message under a hidden name, fsyncs it, renames it to a unique \
        YYYYMMDDTHHMMSSZ-<random>.eml and fsyncs the inbox, so the daemon never sees a partial \
        message and an accepted one survives a crash. The exit status follows sysexits(3), so the \
        mail server retries when it should: 0 stored; 75 (EX_TEMPFAIL) full disk, an inbox that \
        cannot be written or does not exist, any I/O error; 73 (EX_CANTCREAT) the inbox is not a \
        folder; 65 (EX_DATAERR) an empty message; 78 (EX_CONFIG) a broken configuration. \
        Prints the new file's path on success.
        """
    )

    @OptionGroup var paths: PathOptions

    func run() throws {
        let code: SysExit
        do {
            let configuration = try paths.load()
            let drop = MailDrop(inbox: configuration.inbox, ignore: IgnoreRules(patterns: configuration.ignore))
            print(try drop.deliver(from: STDIN_FILENO))
            code = .ok
        } catch let failure as DeliveryFailure {
            Terminal.writeError("bulletind deliver: \(failure.message)\n")
            code = failure.exitCode
        } catch {
            // The configuration could not be loaded: the message stays with the mail server.
            Terminal.writeError("bulletind deliver: \(error); the mail server will retry\n")
            code = .configuration
        }
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}
