/// A bad command line; `message` is printed with the usage.
struct FuzzUsageError: Error {
    var message: String
}
