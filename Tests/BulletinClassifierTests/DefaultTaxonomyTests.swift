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
        // Expected first topic(s), chosen by one word of the (run-time) title; each word picks
        // exactly one article.
        let expectations: [(titleWord: String, topics: Set<String>)] = [
            ("electricity", ["data-centres-energy"]),
            ("supercomputer", ["semiconductors-hpc"]),
            ("biomedicine", ["health-biotech"]),
            ("governance", ["ai-governance"]),
            ("language", ["ai-industry"]),
            ("copyright", ["copyright-content"]),
            ("consumer", ["digital-economy-trade", "ai-industry"]),
            ("communications", ["telecoms"]),
            ("6G", ["telecoms"]),
            ("foreign", ["telecoms"]),
        ]
        for article in articles {
            let matches = classifier.classify(article)
            #expect(!matches.isEmpty, "no topic for \(article.title)")
            let candidates = expectations.filter { article.title.contains($0.titleWord) }
            #expect(candidates.count == 1, "\(article.title)")
            guard let expected = candidates.first else {
                Issue.record("unexpected article title \(article.title)")
                continue
            }
            #expect(expected.topics.contains(matches.first?.topicID ?? ""),
                    "\(article.title): \(matches.map { "\($0.topicID) \($0.score)" })")
        }
    }

    /// Invented articles, one per topic, and one about nothing in the taxonomy.
    static let inventedArticles: [(expected: String?, title: String, body: String, why: String?)] = [
        ("ai-governance", "Parliament adopts AI act amendments on foundation models",
         "Lawmakers voted to tighten oversight of general-purpose models, with new transparency duties "
            + "for developers and a central office to supervise them.",
         "The vote sets the tone for AI regulation in other regions."),
        ("semiconductors-hpc", "Chipmaker breaks ground on a new wafer fab",
         "The plant will produce advanced semiconductors for cars and phones from 2029, the company said.",
         nil),
        ("cybersecurity", "Ransomware gang paralyses a regional port authority",
         "Investigators said the attackers exploited an unpatched vulnerability before encrypting servers.",
         "Cyber resilience of critical infrastructure is back on the agenda."),
        ("health-biotech", "Hospital network pilots genomic screening for newborns",
         "Clinicians will sequence the genomes of volunteers to spot rare conditions early.",
         "Public health systems are weighing costs against medical benefits."),
        ("digital-economy-trade", "Ministers agree a digital trade pact with e-commerce rules",
         "The agreement removes customs duties on electronic transmissions and sets rules for online "
            + "consumer protection.",
         nil),
        ("telecoms", "Regulator auctions mid-band spectrum for mobile broadband",
         "Three operators won licences to extend 5G coverage to rural areas.",
         nil),
        ("geopolitics-sovereignty", "Bloc debates digital sovereignty as export controls tighten",
         "Officials warned that supply chains for critical technologies remain exposed to geopolitical shocks.",
         nil),
        ("copyright-content", "Novelists sue an AI lab over copyrighted training data",
         "The authors say their books were used without licences or compensation.",
         nil),
        ("data-centres-energy", "Hyperscale campus signs solar power deal for its data centres",
         "The operator expects the panels to cover a third of the electricity its servers use.",
         nil),
        ("privacy-data", "Watchdog fines a retailer over facial recognition in stores",
         "The data protection authority found that shoppers' biometric data was processed without consent.",
         nil),
        ("online-safety", "New law requires age verification on video platforms",
         "Platforms must check users' ages and remove harmful content quickly to protect children online.",
         nil),
        (nil, "Local bakery wins a national pastry award",
         "The judges praised the croissants and the family's forty years of work.",
         nil),
    ]

    @Test(arguments: inventedArticles.indices)
    func inventedArticleGetsTheExpectedFirstTopic(_ index: Int) throws {
        let (expected, title, body, why) = Self.inventedArticles[index]
        let matches = try Self.loadClassifier().classify(Article(title: title, body: body, why: why, position: 1))
        #expect(matches.first?.topicID == expected, "\(title): \(matches.map { "\($0.topicID) \($0.score)" })")
    }
}
