import Foundation

/// Number formatting for the table.
enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.01 ? fixed(seconds * 1_000, 2) + " ms" : fixed(seconds * 1_000, 1) + " ms"
    }

    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) + " MB" }
}
