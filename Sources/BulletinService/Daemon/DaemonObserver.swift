#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Receives the daemon's events (`DaemonEvent`). Logging is one observer, the state file and the
/// metrics others; a test registers its own. Called on the daemon's thread, in order.
public protocol DaemonObserver: Sendable {
    func observe(_ event: DaemonEvent, at time: Date)
}
