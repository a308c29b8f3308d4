import Testing
import BulletinReader
@testable import BulletinSplitter

@Suite struct SampleBulletinTests {
    @Test func splitsTheSampleIntoItsTenArticles() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let articles = try BulletinSplitter().split(document)
        for a in articles { print(a.position, a.title, a.body.count, a.why?.count ?? -1) }
        #expect(articles.count == 10)
    }
}
