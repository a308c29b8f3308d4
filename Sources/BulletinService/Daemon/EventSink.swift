#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Hands each `DaemonEvent` to every observer, stamped with the daemon's clock.
struct EventSink {
    let observers: [any DaemonObserver]
    let clock: @Sendable () -> Date

    func report(_ event: DaemonEvent) {
        let now = clock()
        for observer in observers { observer.observe(event, at: now) }
    }
}
