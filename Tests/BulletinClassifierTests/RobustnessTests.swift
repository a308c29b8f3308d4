import Testing
import BulletinSplitter
@testable import BulletinClassifier

/// Hostile rules files and texts give errors or results, never crashes or blow-ups.
struct RobustnessTests {
    @Test func deeplyNestedRulesAreErrors() {
        for rule in [String(repeating: "(", count: 10_000) + "AI", String(repeating: "NOT ", count: 10_000) + "AI"] {
            #expect(throws: RulesError.self) {
                try Taxonomy.parse("[[topic]]\nid = 'a'\nname = 'A'\nrule = '''\(rule)'''\n", fileName: "x")
            }
        }
    }

    @Test func longFlatRuleParses() throws {
        let rule = (0..<10_000).map { "w\($0)" }.joined(separator: " OR ")
        let classifier = try makeClassifier([("wide", rule, nil)])
        #expect(classifier.classify(Article(title: "", body: "w9999", why: nil, position: 1)).first?.score == 1)
    }

    @Test func hugeSingleWordAndManyParagraphs() throws {
        let classifier = try makeClassifier([("a", "abc* OR \"x y z*\"", nil), ("b", "\"x x x\"", nil)])
        let word = String(repeating: "abc", count: 1_000_000)
        #expect(classifier.classify(Article(title: word, body: "", why: nil, position: 1)).map(\.topicID) == ["a"])
        let paragraphs = String(repeating: "x\n\n", count: 100_000)
        #expect(classifier.classify(Article(title: "", body: paragraphs, why: nil, position: 1)).map(\.topicID) == ["b"])
    }

    @Test func randomBytesNeverCrashTheRulesReader() {
        var random = SeededGenerator(seed: 99)
        let alphabet = Array("[[topic]]\nid=name=rule=threshold'\"\\{}(),.#*^: AND OR NOT title:x 1_2.5eé\u{00A0}\r\t")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...80, using: &random)).map { _ in
                alphabet.randomElement(using: &random) ?? " "
            })
            do {
                _ = try Taxonomy.parse(text, fileName: "fuzz")
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            }
        }
    }
}
