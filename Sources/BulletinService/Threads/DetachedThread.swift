#if canImport(Glibc)
import Glibc
#endif

/// A plain POSIX thread that runs `body` once and ends: what `Foundation.Thread` gave us,
/// without full Foundation. Not a libdispatch worker: libdispatch renices its workers, which
/// the unit's system-call filter refuses (see `ParallelMap`).
enum DetachedThread {
    /// Starts `body` on a new detached thread (default attributes: the system's stack size).
    /// Returns false, without running `body`, when the system refuses the thread (`EAGAIN`: too
    /// many tasks).
    @discardableResult
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
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
