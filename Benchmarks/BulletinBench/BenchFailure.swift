/// A bench run that cannot go on (missing binary, a child process that failed).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
