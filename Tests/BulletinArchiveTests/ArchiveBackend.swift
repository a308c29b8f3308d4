import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinPostgres

/// The two implementations of `BulletinArchive` the conformance suite runs against: a real
/// SQLite file in a fresh folder, and a fresh database in a real PostgreSQL 15 cluster.
enum ArchiveBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let topics = [
        Topic(id: "connectivity", name: "Connectivity", rule: "", threshold: 1),
        Topic(id: "privacy", name: "Privacy", rule: "", threshold: 1),
        Topic(id: "ai", name: "Artificial intelligence", rule: "", threshold: 1),
    ]

    /// A new empty archive with the three topics; `database` is the SQLite path or the
    /// PostgreSQL address (to open a second archive on the same data).
    func make(syncTopics: Bool = true, instance: String = "host-a") throws -> (archive: any BulletinArchive, database: String) {
        let archive: any BulletinArchive
        let database: String
        switch self {
        case .sqlite:
            database = Self.sqliteFolder + "/\(UUID().uuidString)/bulletind.sqlite"
            archive = try Store(path: database)
        case .postgres:
            database = try TestCluster.shared.get().createDatabase()
            archive = try PostgresArchive(address: PostgresAddress(database), instance: instance)
        }
        if syncTopics { try archive.syncTopics(Self.topics) }
        return (archive, database)
    }

    /// The folder of this test process's SQLite archives (one folder each inside), removed with
    /// everything in it when the process exits, as `TestCluster` removes its cluster.
    static let sqliteFolder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletinarchive-\(getpid())-\(UUID().uuidString)").path
        atexit { try? FileManager.default.removeItem(atPath: ArchiveBackend.sqliteFolder) }
        return folder
    }()

    /// Another archive on the same data (another daemon, for PostgreSQL).
    func open(_ database: String, instance: String) throws -> any BulletinArchive {
        switch self {
        case .sqlite: return try Store(path: database)
        case .postgres: return try PostgresArchive(address: PostgresAddress(database), instance: instance)
        }
    }
}

enum Fixture {
    static func article(_ title: String, _ body: String, why: String? = nil, position: Int = 1,
                        topics: [(String, Double)] = []) -> ClassifiedArticle {
        ClassifiedArticle(
            article: Article(title: title, body: body, why: why, position: position),
            topics: topics.map { TopicMatch(topicID: $0.0, score: $0.1, matchedTerms: ["term-\($0.0)", "a/b"]) })
    }

    static func bulletin(_ fileName: String, receivedAt: Date, articles: [ClassifiedArticle],
                         content: String? = nil, awaitingFiling: Bool = false) -> IncomingBulletin {
        let hash = ContentHash.of(Data((content ?? fileName + articles.map(\.article.title).joined()).utf8))
        return IncomingBulletin(fileName: fileName, contentHash: hash, size: 100, format: "text",
                                encoding: "utf-8", receivedAt: receivedAt, bulletinDate: nil, title: nil,
                                articles: articles, awaitingFiling: awaitingFiling)
    }
}

extension BulletinArchive {
    /// `day(from:to:)` collected into an array, for tests.
    func wholeDay(from: Date, to: Date, textPrefix: Int? = nil,
                  needsWholeText: (String) -> Bool = { _ in false }) throws -> (bulletins: Int, articles: [DayArticle]) {
        var articles: [DayArticle] = []
        let bulletins = try day(from: from, to: to, textPrefix: textPrefix, needsWholeText: needsWholeText) {
            articles.append($0)
        }
        return (bulletins, articles)
    }

    func titles(_ text: String, topic: String? = nil, since: Date? = nil) throws -> Set<String> {
        Set(try search(SearchQuery(text: text, topic: topic, since: since)).map(\.title))
    }
}
