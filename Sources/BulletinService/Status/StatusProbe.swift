#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Gathers what `bulletind status` reports (`StatusReport.Observations`): the state file of the
/// daemon that uses `database` (see `StateFileLocation`), whether its process runs, and what
/// this user can see of the inbox, the quarantine and the database file.
public enum StatusProbe {
    public static func observe(inbox: String, quarantine: String, database: String, rules: String, ignore: IgnoreRules,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> StatusReport.Observations {
        var found: (path: String, state: ServiceState, alive: Bool)?
        for path in StateFileLocation.candidates(database: database, inbox: inbox, environment: environment) {
            guard let data = FileManager.default.contents(atPath: path),
                  let state = try? ServiceState.decode(data),
                  sameFile(state.database, database) else { continue }
            let alive = ProcessIdentity(pid: state.pid, start: state.processStart).isAlive
            if found == nil || (alive && found?.alive == false) { found = (path, state, alive) }
            if alive { break }
        }
        return StatusReport.Observations(
            inbox: inbox, quarantine: quarantine, database: database, rules: rules,
            backlog: try? InboxBacklog.measure(inbox, ignore: ignore),
            quarantineListing: QuarantineListing.read(quarantine),
            databaseBytes: DatabaseSize.bytes(of: database),
            stateFile: found?.path, state: found?.state, alive: found?.alive ?? false)
    }

    /// The same path, or two paths of the same file (a link, `..` in one of them).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let left = PathText.standardized(a), right = PathText.standardized(b)
        if left == right { return true }
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
