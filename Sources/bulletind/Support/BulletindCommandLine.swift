#if canImport(Glibc)
import Glibc
#endif
import BulletinService

/// The entry point of both executables (their main.swift): runs the command line of
/// `CommandLine.arguments` and exits the process.
public enum BulletindCommandLine {
    /// - Parameter handingOffServers: true in the lean `bulletind`: a location naming a database
    ///   server whose backend this process did not register runs the executable that holds it
    ///   (`SiblingExecutable.handOff`) in place of this process; false in that executable.
    public static func main(handingOffServers: Bool) -> Never {
        if handingOffServers {
            ArchiveServerBackends.setHandOff(SiblingExecutable.handOff)
        }
        Bulletind.main()
        return exit(0)
    }
}
