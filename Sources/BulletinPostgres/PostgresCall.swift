import Foundation
import PostgresNIO

/// Waiting for one answer of the server, never for ever: every blocking call of the connector
/// (connect, each statement) goes through `wait`, which gives up after `timeout` and throws
/// `PostgresUnavailable`.
///
/// It also covers a gap of postgres-nio 1.33.2: a statement written to a connection whose
/// channel has just closed (the server restarted between two statements) never gets an answer
/// (the request is dropped with the closed channel's write failure, and its promise is never
/// completed). `wait` checks on the connection's event loop, after the statement was handed
/// to it, whether the channel is still open, and fails at once when it is not.
enum PostgresCall {
    /// The longest a call waits for the server by default: shorter than the daemon's systemd
    /// watchdog (30 s), long enough for any statement bulletind sends on a busy machine.
    static let defaultTimeout: TimeAmount = .seconds(20)

    /// The value of `future`, or `PostgresUnavailable` when no answer came within `timeout` or
    /// `connection` (when given) closed before the request reached it. `place` (`host:port`)
    /// names the server in the message.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, timeout: TimeAmount, place: String,
                                  on connection: PostgresConnection? = nil) throws -> T {
        let loop = future.eventLoop
        let promise = loop.makePromise(of: T.self)
        let seconds = Double(timeout.nanoseconds) / 1e9
        let timer = loop.scheduleTask(in: timeout) {
            promise.fail(PostgresUnavailable(
                "no answer from \(place) within \(seconds.formatted()) s — is the server overloaded or the network down?"))
        }
        future.whenComplete { result in
            timer.cancel()
            promise.completeWith(result)
        }
        if let connection {
            // Runs after the write the caller handed to the loop before calling `wait`. A
            // promise completed already (the answer came first) ignores this failure.
            loop.execute {
                if connection.isClosed {
                    promise.fail(PostgresUnavailable.lost(place, reason: "the connection was closed"))
                }
            }
        }
        return try promise.futureResult.wait()
    }
}

private extension Double {
    /// `20` or `2.5`.
    func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
