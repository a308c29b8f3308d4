import Foundation

/// Monotonic wall-clock timing.
enum Stopwatch {
    /// Nanoseconds of CLOCK_MONOTONIC.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Seconds taken by `body`, and its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        let start = now()
        let value = try body()
        return (Double(now() - start) / 1e9, value)
    }

    static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }
}
