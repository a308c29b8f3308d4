import Foundation
import Testing
import BulletinSplitter
@testable import BulletinClassifier

/// The shipped Config/topics.toml: it parses, and it gives the sample bulletin's articles
/// (read at run time, never copied) and invented articles sensible topics.
struct DefaultTaxonomyTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func loadClassifier() throws -> Classifier {
        let url = repositoryRoot.appendingPathComponent("Config/topics.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return Classifier(taxonomy: try Taxonomy.parse(text, fileName: "topics.toml"))
    }

    @Test func parsesWithoutDiagnostics() throws {
        let url = Self.repositoryRoot.appendingPathComponent("Config/topics.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        do {
            let taxonomy = try Taxonomy.parse(text, fileName: "topics.toml")
            #expect(taxonomy.topics.count >= 10)
            #expect(Set(taxonomy.topics.map(\.id)).count == taxonomy.topics.count)
        } catch {
            Issue.record("diagnostics: \(error)")
        }
    }

    /// Crude split of the sample into articles: trailer lines end an article; the first
    /// non-empty line is the title; a "Why does it matter?" line starts `why`.
    static func sampleArticles() -> [Article]? {
        let url = repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/samples/diplo-digest-2026-11.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var articles: [Article] = []
        var lines: [String] = []
        func flush() {
            let paragraphs = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            lines = []
            guard let title = paragraphs.first else { return }
            let rest = paragraphs.dropFirst()
            if let whyIndex = rest.firstIndex(where: { $0.hasPrefix("Why does it matter") }) {
                articles.append(Article(
                    title: title, body: rest[..<whyIndex].joined(separator: "\n\n"),
                    why: rest[(whyIndex + 1)...].joined(separator: "\n\n"), position: articles.count + 1))
            } else {
                articles.append(Article(title: title, body: rest.joined(separator: "\n\n"), why: nil,
                                        position: articles.count + 1))
            }
        }
        for line in text.components(separatedBy: "\n") {
            if line.contains("learn more about AI") { flush() } else { lines.append(line) }
        }
        flush()
        return articles
    }

    @Test func everySampleArticleGetsASensibleFirstTopic() throws {
        guard let articles = Self.sampleArticles() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let classifier = try Self.loadClassifier()
        #expect(articles.count == 10)
        // Expected first topic, chosen by a keyword of the (run-time) title.
        let expectations: [(titleWord: String, topics: Set<String>)] = [
            ("green electricity", ["data-centres-energy"]),
            ("supercomputer", ["semiconductors-hpc"]),
            ("biomedicine", ["health-biotech"]),
            ("governance", ["ai-governance"]),
            ("large language model", ["ai-industry"]),
            ("copyright", ["copyright-content"]),
            ("consumer economy", ["digital-economy-trade", "ai-industry"]),
            ("communications networks", ["telecoms"]),
            ("6G", ["telecoms"]),
            ("telecom services", ["telecoms"]),
        ]
        for article in articles {
            let matches = classifier.classify(article)
            print("\(article.title)\n   " + matches.map { "\($0.topicID) \($0.score) \($0.matchedTerms)" }
                .joined(separator: "\n   "))
            #expect(!matches.isEmpty, "no topic for \(article.title)")
            guard let expected = expectations.first(where: { article.title.contains($0.titleWord) }) else {
                Issue.record("unexpected article title \(article.title)")
                continue
            }
            #expect(expected.topics.contains(matches.first?.topicID ?? ""),
                    "\(article.title): first topic \(matches.first?.topicID ?? "none")")
        }
    }
}
