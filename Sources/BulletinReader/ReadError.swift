/// Why a file could not be read as a bulletin. `description` is one line meant for
/// an operator (it becomes the quarantine sidecar's reason).
public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes, or nothing but whitespace (and markup) once decoded.
    case empty
    /// The bytes are not text in any encoding we accept (binary data, an image…).
    case notText(String)
    /// The e-mail message is malformed or has no textual body.
    case malformedEmail(String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .notText(let why): return "not a text file: \(why)"
        case .malformedEmail(let why): return "malformed e-mail message: \(why)"
        }
    }
}
