#if canImport(Glibc)
import Glibc
#endif
import BulletinService

/// The lean `bulletind`'s hand-off: an executable installed beside it (`/proc/self/exe`'s folder)
/// that holds a database server's backend, run in place of this process.
enum SiblingExecutable {
    /// Replaces this process with `kind.executableName` from this executable's folder, with the
    /// same arguments (argv[0] included, so the journal's identifier stays `bulletind`) and the
    /// same environment. execv keeps the PID: systemd's main process, its notify socket, its
    /// watchdog and the journal see the same process. Pending standard output is flushed first.
    /// - Throws: `MissingArchiveBackend` naming the path tried and why it cannot be run.
    @Sendable static func handOff(kind: ArchiveServerKind, setting: String) throws -> Never {
        let fail = { (path: String?, reason: String) in
            MissingArchiveBackend(kind: kind, setting: setting, executable: path, reason: reason)
        }
        guard let own = ownPath() else {
            throw fail(nil, "cannot read /proc/self/exe: \(String(cString: strerror(errno)))")
        }
        let folder = own.lastIndex(of: "/").map { String(own[..<$0]) } ?? "."
        let path = folder + "/" + kind.executableName
        guard path != own else { throw fail(path, "it is this binary, which lacks the backend") }
        guard access(path, X_OK) == 0 else { throw fail(path, String(cString: strerror(errno))) }
        fflush(nil)
        let arguments = CommandLine.arguments
        let code = withCStrings(arguments) { argv in execv(path, argv) }
        throw fail(path, "\(String(cString: strerror(errno))) (execv returned \(code))")
    }

    /// The absolute path of the running executable, from the kernel.
    private static func ownPath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `strings` as a NULL-terminated C array, valid during `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
