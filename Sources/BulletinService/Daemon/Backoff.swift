/// A delay that doubles after each failure up to a ceiling and resets after a success:
/// 1 s, 2 s, 4 s … 60 s by default.
struct Backoff: Sendable {
    let initial: Double
    let maximum: Double
    private(set) var current: Double

    init(initial: Double = 1, maximum: Double = 60) {
        self.initial = initial
        self.maximum = maximum
        current = initial
    }

    /// The delay to wait now; the next one is doubled.
    mutating func next() -> Double {
        let delay = current
        current = min(current * 2, maximum)
        return delay
    }

    mutating func reset() {
        current = initial
    }
}
