import Foundation
import BulletinClassifier
import BulletinModel
import BulletinStore

/// A database of about `articles` articles for the start-up, search and summary figures,
/// built through `Store.ingest(batch:)` from generated articles classified with the real
/// rules. Articles arrive at `perDay` a day from `firstDay` (UTC), so each day holds about
/// `perDay` articles, as the summary figure needs.
struct LargeDatabase {
    let path: String
    let articles: Int
    let bulletins: Int
    let bytes: Int
    /// The start of the day (UTC) used for the summary figure, and its article count.
    let summaryDay: Date
    let summaryDayArticles: Int
    let buildSeconds: Double

    static let firstDay = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// Opens a database built earlier by `build` (BENCH_DATABASE, to iterate quickly).
    static func reuse(path: String, perDay: Int) throws -> LargeDatabase {
        let store = try Store(path: path)
        let stats = try store.stats()
        let day = max(0, (stats.articles / perDay) / 2 - 1)
        let start = firstDay.addingTimeInterval(Double(day) * 86_400)
        let dayArticles = try store.articleCount(firstReceivedFrom: start, to: start.addingTimeInterval(86_400))
        return LargeDatabase(path: path, articles: stats.articles, bulletins: stats.bulletins, bytes: 0,
                             summaryDay: start, summaryDayArticles: dayArticles, buildSeconds: 0)
    }

    static func build(path: String, articles target: Int, perDay: Int, generator: CorpusGenerator,
                      classifier: Classifier) throws -> LargeDatabase {
        let start = Stopwatch.now()
        let store = try Store(path: path)
        try store.syncTopics(classifier.taxonomy.topics)
        var articles = 0
        var bulletins = 0
        var bytes = 0
        var batch: [IncomingBulletin] = []
        var perDayCount: [Int: Int] = [:]
        while articles < target {
            // Indices far from the throughput corpus's, so no bulletin is shared.
            let bulletin = generator.bulletin(10_000_000 + bulletins)
            let day = articles / perDay
            let within = Double(articles % perDay) / Double(perDay) * 86_000
            let receivedAt = firstDay.addingTimeInterval(Double(day) * 86_400 + within)
            let data = Data(bulletin.text.utf8)
            batch.append(IncomingBulletin(
                fileName: bulletin.fileName, contentHash: ContentHash.of(data), size: data.count, format: "text",
                encoding: "utf-8", receivedAt: receivedAt, bulletinDate: nil, title: nil,
                articles: bulletin.articles.map { ClassifiedArticle(article: $0, topics: classifier.classify($0)) }))
            perDayCount[day, default: 0] += bulletin.articles.count
            articles += bulletin.articles.count
            bulletins += 1
            bytes += data.count
            if batch.count == 200 {
                _ = try store.ingest(batch: batch)
                batch.removeAll(keepingCapacity: true)
                Log.progress("  large database: \(articles) articles")
            }
        }
        if !batch.isEmpty { _ = try store.ingest(batch: batch) }
        // The summary day: a full day in the middle.
        let day = max(0, (target / perDay) / 2 - 1)
        return LargeDatabase(path: path, articles: articles, bulletins: bulletins, bytes: bytes,
                             summaryDay: firstDay.addingTimeInterval(Double(day) * 86_400),
                             summaryDayArticles: perDayCount[day] ?? 0, buildSeconds: Stopwatch.seconds(since: start))
    }
}
