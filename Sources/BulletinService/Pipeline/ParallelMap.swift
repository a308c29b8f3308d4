import Dispatch

/// `map` over the available cores, for pure work on independent items (analysing several
/// bulletins of a batch). Results keep the order of the input; `transform` must not touch
/// shared mutable state.
enum ParallelMap {
    static func map<Element: Sendable, Output: Sendable>(
        _ items: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        // Each iteration writes its own slot of a buffer initialised beforehand: no two
        // threads touch the same memory, and the array is built only after all have joined.
        let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            output[index] = transform(items[index])
        }
        return slots.map { $0! }
    }
}
