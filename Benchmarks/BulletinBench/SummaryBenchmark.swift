import Foundation
import BulletinService
import BulletinStore

/// Regenerating one day's summary (compose from the store, render, write both files)
/// in-process with `SummaryPublisher`, the daemon's own code path.
enum SummaryBenchmark {
    struct Result {
        var times: Percentiles
        var composeOnly: Percentiles
    }

    static func run(store: Store, day: Date, folder: String, rounds: Int = 10) throws -> Result {
        let publisher = SummaryPublisher(store: store, folder: folder, calendar: .utc)
        _ = try publisher.publish(day: day)
        var times: [Double] = []
        var compose: [Double] = []
        for _ in 0..<rounds {
            times.append(try Stopwatch.time { try publisher.publish(day: day) }.seconds)
            compose.append(try Stopwatch.time {
                try SummaryComposer.compose(store: store, day: day, calendar: .utc, now: Date())
            }.seconds)
        }
        return Result(times: Percentiles(times), composeOnly: Percentiles(compose))
    }
}
