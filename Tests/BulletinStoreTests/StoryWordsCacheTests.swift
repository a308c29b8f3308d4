import Foundation
import XCTest
import SQLite
import BulletinModel
import BulletinStories
@testable import BulletinStore

/// `StoryWordsCache`: whatever it remembers is what `article_story` holds, after batches rolled
/// back (ids handed out again), after another connection deleted the newest article and a new
/// one took its id, and after this store deleted one; and it stays within its capacity.
final class StoryWordsCacheTests: XCTestCase {
    var fixture: StoreFixture!

    override func setUpWithError() throws { fixture = try StoreFixture() }
    override func tearDown() { fixture.cleanUp() }

    let monday = Date(timeIntervalSince1970: 1_795_000_000)

    func bulletin(_ name: String, _ words: [String], topic: String = "connectivity") -> IncomingBulletin {
        StoreFixture.bulletin(name, receivedAt: monday, articles: words.enumerated().map { offset, word in
            StoreFixture.article("\(word) cable report \(name)", "Investigators in \(word) examined the damaged \(word) cable near the port of \(name).",
                                 position: offset + 1, topics: [(topic, 2)])
        })
    }

    /// Every remembered article agrees with its row, and at least `atLeast` are remembered.
    func assertAgreesWithTheDatabase(_ store: Store, atLeast: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try store.pool.read { db in try db.fetchAll("SELECT article_id, story_id, words FROM article_story") }
        var remembered = 0
        var stored = Set<Int64>()
        for row in rows {
            let id: Int64 = row["article_id"]
            stored.insert(id)
            guard let hit = store.storyWords.lookup(id) else { continue }
            remembered += 1
            XCTAssertEqual(hit.story, row["story_id"] as Int64, "story of article \(id)", file: file, line: line)
            XCTAssertEqual(hit.words, StorySignature.words(packed: row["words"] as Data), "words of article \(id)", file: file, line: line)
        }
        XCTAssertGreaterThanOrEqual(remembered, atLeast, file: file, line: line)
        // Nothing remembered for an article that has no row.
        let maxID = rows.map { $0["article_id"] as Int64 }.max() ?? 0
        for id in 1...(maxID + 10) where !stored.contains(id) {
            XCTAssertNil(store.storyWords.lookup(id), "article \(id) has no story row", file: file, line: line)
        }
    }

    func testABatchRolledBackLeavesNothingOfItsOwnBehind() throws {
        let store = fixture.store
        _ = try store.ingest(bulletin("a", ["Helsinki", "Tallinn"]))
        // The second bulletin names a topic the store lacks: the batch's transaction rolls back
        // (after assigning stories to the first bulletin's articles), then each bulletin is
        // stored on its own, and the refused one is not. The ids of the rolled-back attempt are
        // handed out again to other articles.
        let results = try store.ingest(batch: [bulletin("b", ["Riga", "Vilnius"]), bulletin("c", ["Oslo"], topic: "nowhere"),
                                              bulletin("d", ["Gdansk", "Kiel", "Turku"])])
        XCTAssertEqual(results.filter { if case .success = $0 { true } else { false } }.count, 2)
        try assertAgreesWithTheDatabase(store, atLeast: 7)
    }

    func testAnotherConnectionsDeletionIsNotAnsweredFor() throws {
        let store = fixture.store
        _ = try store.ingest(bulletin("a", ["Helsinki", "Tallinn", "Riga"]))
        // Another process deletes the newest article: SQLite gives its id to the next one.
        let other = try Store(path: fixture.path)
        let newest = try store.pool.read { db in try db.fetchValue(Int64.self, "SELECT MAX(id) FROM article") }
        XCTAssertTrue(try other.deleteArticle(id: try XCTUnwrap(newest)))
        _ = try store.ingest(bulletin("b", ["Lisbon", "Porto"]))
        try assertAgreesWithTheDatabase(store, atLeast: 2)
        // This store deletes one itself.
        let again = try store.pool.read { db in try db.fetchValue(Int64.self, "SELECT MAX(id) FROM article") }
        XCTAssertTrue(try store.deleteArticle(id: try XCTUnwrap(again)))
        _ = try store.ingest(bulletin("c", ["Madrid"]))
        try assertAgreesWithTheDatabase(store, atLeast: 1)
    }

    func testItKeepsTheMostRecentUpToItsCapacity() {
        let cache = StoryWordsCache()
        cache.observe(dataVersion: 1)
        let count = StoryWordsCache.capacity + 500
        for id in 1...Int64(count) { cache.record(articleID: id, story: id * 10, words: [UInt32(id)]) }
        XCTAssertNil(cache.lookup(1))
        XCTAssertNil(cache.lookup(500))
        XCTAssertEqual(cache.lookup(501)?.story, 5_010)
        XCTAssertEqual(cache.lookup(Int64(count))?.words, [UInt32(count)])
        let mark = cache.mark()
        cache.record(articleID: 99_999, story: 1, words: [])
        cache.rollBack(to: mark)
        XCTAssertNil(cache.lookup(99_999))
        XCTAssertEqual(cache.lookup(Int64(count))?.story, Int64(count) * 10, "entries before the mark stay")
        cache.observe(dataVersion: 1)
        XCTAssertNotNil(cache.lookup(Int64(count)), "the same data_version keeps them")
        cache.observe(dataVersion: 2)
        XCTAssertNil(cache.lookup(Int64(count)), "another connection's commit forgets them")
    }
}
