/// A failure reported to the user as one line, `Error: message`, without the usage text
/// (that is for mistakes in the command line itself).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
