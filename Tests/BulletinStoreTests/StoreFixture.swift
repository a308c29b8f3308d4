import Foundation
import BulletinSplitter
import BulletinClassifier
import BulletinModel
@testable import BulletinStore

/// A real SQLite file in a fresh temporary folder, removed by `cleanUp()`.
struct StoreFixture {
    let folder: URL
    let path: String
    let store: Store

    static let topics = [
        Topic(id: "connectivity", name: "Connectivity", rule: "", threshold: 1),
        Topic(id: "privacy", name: "Privacy", rule: "", threshold: 1),
        Topic(id: "ai", name: "Artificial intelligence", rule: "", threshold: 1),
    ]

    /// With `backgroundCheckpoints`, the store is a long-running writer's
    /// (`checkpointsInBackground`) with those limits on its log.
    init(syncTopics: Bool = true, backgroundCheckpoints logLimits: Store.LogLimits? = nil) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletinstore-\(UUID().uuidString)", isDirectory: true)
        path = folder.appendingPathComponent("db/bulletind.sqlite").path
        if let logLimits {
            store = try Store(path: path, checkpointsInBackground: true, logLimits: logLimits)
        } else {
            store = try Store(path: path)
        }
        if syncTopics { try store.syncTopics(Self.topics) }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    static func article(_ title: String, _ body: String, why: String? = nil, position: Int = 1,
                        topics: [(String, Double)] = []) -> ClassifiedArticle {
        ClassifiedArticle(
            article: Article(title: title, body: body, why: why, position: position),
            topics: topics.map { TopicMatch(topicID: $0.0, score: $0.1, matchedTerms: ["term-\($0.0)"]) })
    }

    static func bulletin(_ fileName: String, receivedAt: Date, articles: [ClassifiedArticle],
                         content: String? = nil) -> IncomingBulletin {
        let hash = ContentHash.of(Data((content ?? fileName + articles.map(\.article.title).joined()).utf8))
        return IncomingBulletin(fileName: fileName, contentHash: hash, size: 100, format: "text",
                                encoding: "utf-8", receivedAt: receivedAt, bulletinDate: nil, title: nil,
                                articles: articles)
    }
}

extension Store {
    /// `day(from:to:)` collected into an array, for tests.
    func wholeDay(from: Date, to: Date, textPrefix: Int? = nil,
                  needsWholeText: (String) -> Bool = { _ in false }) throws -> (bulletins: Int, articles: [DayArticle]) {
        var articles: [DayArticle] = []
        let bulletins = try day(from: from, to: to, textPrefix: textPrefix, needsWholeText: needsWholeText) {
            articles.append($0)
        }
        return (bulletins, articles)
    }
}
