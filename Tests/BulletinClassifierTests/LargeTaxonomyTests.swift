import Testing
import BulletinSplitter
@testable import BulletinClassifier

/// A 5,000-topic taxonomy classifies exactly (correctness only, no timing).
struct LargeTaxonomyTests {
    static let topicCount = 5_000

    static func makeLargeClassifier() throws -> Classifier {
        try makeClassifier((0..<topicCount).map { index in
            ("topic-\(index)", "k\(index) AND (m\(index) OR \"p\(index) q\(index)*\" OR title:shared\(index % 7)^2)", nil)
        })
    }

    @Test func findsExactlyTheTopicsWhoseWordsOccur() throws {
        let classifier = try Self.makeLargeClassifier()
        #expect(classifier.taxonomy.topics.count == Self.topicCount)
        let article = Article(
            title: "K4999 and shared1",
            body: "k42 m42, then p4000 q4000xyz with k4000; k7 alone; p13 q13 without its key; m10 k2",
            why: nil, position: 1)
        let matches = classifier.classify(article)
        #expect(matches.map(\.topicID) == ["topic-4999", "topic-42", "topic-4000"])
        #expect(matches.first?.matchedTerms == ["k4999", "title:shared1"])
        #expect(matches.first?.score == 1.5 + 2)
        #expect(matches.dropFirst().map(\.score) == [2, 2])
        #expect(classifier.classify(Article(title: "nothing", body: "here at all", why: nil, position: 2)).isEmpty)
    }

    @Test func agreesWithNaiveEvaluatorOnRandomArticles() throws {
        let classifier = try Self.makeLargeClassifier()
        let reference = try ReferenceClassifier(classifier.taxonomy.topics)
        var random = SeededGenerator(seed: 7)
        for position in 1...10 {
            let words = (0..<40).map { _ -> String in
                let index = Int.random(in: 0..<Self.topicCount, using: &random)
                return ["k", "m", "p", "q", "shared"].randomElement(using: &random)! + "\(index % (position * 50))"
            }
            let article = Article(title: words.prefix(5).joined(separator: " "),
                                  body: words.dropFirst(5).joined(separator: " "), why: nil, position: position)
            #expect(classifier.classify(article) == reference.classify(article))
        }
    }
}
