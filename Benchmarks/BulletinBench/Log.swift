import Foundation

/// Progress lines on standard error, so standard output holds only the table.
enum Log {
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
