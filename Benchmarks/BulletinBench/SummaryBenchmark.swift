import Foundation
import BulletinService
import BulletinStore

/// Regenerating one day's summary (compose from the store with its 30 days of trends, render
/// Markdown, JSON and HTML, write the three files and the index) in-process with
/// `SummaryPublisher`, the daemon's own code path.
enum SummaryBenchmark {
    struct Result {
        var times: Percentiles
        var composeOnly: Percentiles
        /// The day page's size in bytes.
        var htmlBytes: Int
    }

    static func run(store: Store, day: Date, folder: String, rounds: Int = 10) throws -> Result {
        let publisher = SummaryPublisher(store: store, folder: folder, calendar: .utc, options: .default)
        let written = try publisher.publish(day: day)
        let htmlBytes = try written.html.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0 } ?? 0
        var times: [Double] = []
        var compose: [Double] = []
        for _ in 0..<rounds {
            times.append(try Stopwatch.time { try publisher.publish(day: day) }.seconds)
            compose.append(try Stopwatch.time {
                try SummaryComposer.compose(store: store, day: day, calendar: .utc, now: Date())
            }.seconds)
        }
        return Result(times: Percentiles(times), composeOnly: Percentiles(compose), htmlBytes: htmlBytes)
    }
}
