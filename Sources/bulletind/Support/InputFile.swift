#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A bulletin file named on the command line (`ingest`, `split`, `rules test`).
enum InputFile {
    /// The file's bytes, or why it cannot be read as the system says it
    /// (`No such file or directory`, `Permission denied`, `Is a directory`).
    static func read(_ path: String) -> Result<Data, InputFileError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(InputFileError(code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(InputFileError(code: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(InputFileError(code: EISDIR)) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(InputFileError(code: errno)) }
            if count == 0 { return .success(Data(bytes)) }
            bytes += chunk[..<count]
        }
    }

    /// The last component of `path` (`a/b/c.txt` → `c.txt`; trailing slashes ignored), as the
    /// pipeline is told a file's name.
    static func name(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? path)
    }
}

/// Why a file named on the command line could not be read.
struct InputFileError: Error, CustomStringConvertible {
    let code: Int32
    /// `cannot be read: REASON`, the reason being strerror's text for `code`.
    var description: String { "cannot be read: \(String(cString: strerror(code)))" }
}
