import Dispatch
import PosixThreads
import Synchronization

/// A map over independent items that several threads work on together: each item is claimed
/// once, by whichever thread asks first, and its result kept in a slot of its own. Helper
/// threads started by `start(helpers:)` work until no item is left; `finish()` has the calling
/// thread take whatever nobody has claimed yet, waits for the helpers, and returns the results in
/// the order of the items.
///
/// So a caller may start the work, do something else, and then join it: when it comes back
/// early it helps instead of waiting (the daemon prepares the next batch this way while its
/// thread stores the last one: `InFlightBatch`). Call `start` and `finish` from one thread,
/// `finish` once; `transform` must not touch shared mutable state.
final class SharedWork<Element: Sendable, Output: Sendable>: @unchecked Sendable {
    private let items: [Element]
    private let transform: @Sendable (Element) -> Output
    /// One slot per item, written once by the thread that claimed it; read only by `finish`,
    /// after every helper has signalled `finished`.
    private let slots: UnsafeMutableBufferPointer<Output?>
    private let claims = Atomic<Int>(0)
    private let finished = DispatchSemaphore(value: 0)
    /// Helpers running; touched only by the thread that calls `start` and `finish`.
    private var helpers = 0

    init(_ items: [Element], _ transform: @escaping @Sendable (Element) -> Output) {
        self.items = items
        self.transform = transform
        slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Starts up to `count` plain threads (`DetachedThread`: never reniced) working on the items;
    /// none beyond the number of items. A thread the system refuses leaves its share to the
    /// others (to `finish` at least).
    func start(helpers count: Int) {
        for _ in 0..<min(count, items.count) {
            let running = DetachedThread.start { [self] in
                work()
                finished.signal()
            }
            if running { helpers += 1 }
        }
    }

    /// Works on the items left, waits for the helpers, and returns every result in order.
    func finish() -> [Output] {
        work()
        for _ in 0..<helpers { finished.wait() }
        helpers = 0
        return slots.map { $0! }
    }

    private func work() {
        while true {
            let index = claims.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < items.count else { return }
            slots[index] = transform(items[index])
        }
    }
}
