import Synchronization

/// Working memory kept between calls, so that a hot function can reuse large buffers
/// without allocating (and clearing) them each time, and still be called from several
/// threads at once: each call takes a value of its own and gives it back.
final class ScratchPool<Value>: @unchecked Sendable {
    /// The free values. (A `Mutex` from the standard library's Synchronization module, not
    /// Foundation's `NSLock`: the classifier needs no Foundation.) Boxed as `Sendable`: a
    /// value is only ever used by the one call that took it, which is what this pool is for.
    private let free = Mutex<[Box]>([])
    private struct Box: @unchecked Sendable { var value: Value }
    private let make: @Sendable () -> Value

    /// `make` builds a new value when none is free.
    init(make: @escaping @Sendable () -> Value) { self.make = make }

    /// Calls `body` with a value no other call is using.
    func with<Result>(_ body: (inout Value) -> Result) -> Result {
        var taken = free.withLock { $0.popLast() }?.value ?? make()
        let result = body(&taken)
        let box = Box(value: taken)
        free.withLock { $0.append(box) }
        return result
    }
}
