#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a plain detached pthread, without Foundation's `Thread` (and not a libdispatch
/// worker: libdispatch renices the threads it starts, setpriority(2), which the service's
/// system-call filter refuses).
public enum DetachedThread {
    /// Runs `body` on a new thread that ends when `body` returns. Stops the program if the
    /// thread cannot be created (out of memory or of threads).
    public static func start(_ body: @escaping @Sendable () -> Void) {
        final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let code = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        guard code == 0 else { fatalError("cannot start a thread: pthread_create returned \(code)") }
        pthread_detach(thread)
    }
}
