import Foundation

/// Aborts the run when one execution takes longer than `limit` seconds: the reader and the
/// splitter promise linear time, so a slow input is a finding (a hang or a quadratic path).
/// The input is written out first (see `CrashRecorder`), then the process exits with 3.
final class HangWatchdog: @unchecked Sendable {
    private let limit: Double
    private let lock = NSLock()
    private var startedAt: Double? = nil

    init(limit: Double) { self.limit = limit }

    func begin() { lock.withLock { startedAt = Date.timeIntervalSinceReferenceDate } }
    func end() { lock.withLock { startedAt = nil } }

    func start(label: @escaping @Sendable () -> String) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                let elapsed = lock.withLock { startedAt.map { Date.timeIntervalSinceReferenceDate - $0 } }
                if let elapsed, elapsed > limit {
                    CrashRecorder.dump()
                    FileHandle.standardError.write(Data("fuzz: HANG: one execution took over \(limit) s (\(label()))\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }
}
