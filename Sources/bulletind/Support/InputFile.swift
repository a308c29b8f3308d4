import Foundation
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
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(InputFileError(code: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(InputFileError(code: EISDIR)) }
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            return .failure(InputFileError(code: (error as NSError).code == 0 ? EIO : Int32((error as NSError).code)))
        }
    }
}

/// Why a file named on the command line could not be read.
struct InputFileError: Error, CustomStringConvertible {
    let code: Int32
    /// `cannot be read: REASON`, the reason being strerror's text for `code`.
    var description: String { "cannot be read: \(String(cString: strerror(code)))" }
}
