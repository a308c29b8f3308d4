#if canImport(Glibc)
import Glibc
#endif

/// A plain POSIX thread that runs `body` once and ends, without Foundation's `Thread`.
///
/// Never a libdispatch worker and never reniced: libdispatch calls setpriority(2) on the
/// threads it starts, which the service's system-call filter refuses (each refusal was a
/// `Failed to set thread priority for worker thread` line in the journal). The thread gets
/// the system's default attributes (stack size, scheduling) and is detached: nobody joins it,
/// and it ends when `body` returns.
public enum DetachedThread {
    /// Starts `body` on a new detached thread and returns at once. Returns false, without
    /// running `body` (it is released), when the system refuses the thread (`EAGAIN`: too many
    /// tasks, or out of memory); a caller decides whether to run the work itself or stop.
    @discardableResult
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body(run: body))
        var thread: pthread_t = 0
        let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
        pthread_attr_init(attributes)
        defer {
            pthread_attr_destroy(attributes)
            attributes.deallocate()
        }
        pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
        let status = pthread_create(&thread, attributes, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, box.toOpaque())
        if status != 0 { box.release() }
        return status == 0
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
