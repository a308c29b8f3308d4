import Foundation

/// Working memory kept between calls, so that a hot function can reuse large buffers
/// without allocating (and clearing) them each time, and still be called from several
/// threads at once: each call takes a value of its own and gives it back.
final class ScratchPool<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var values: [Value] = []
    private let make: @Sendable () -> Value

    /// `make` builds a new value when none is free.
    init(make: @escaping @Sendable () -> Value) { self.make = make }

    /// Calls `body` with a value no other call is using.
    func with<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        var value = values.popLast()
        lock.unlock()
        if value == nil { value = make() }
        var taken = value.unsafelyUnwrapped
        value = nil
        let result = body(&taken)
        lock.lock()
        values.append(taken)
        lock.unlock()
        return result
    }
}
