import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore

/// On the same archive the two backends agree: for a fixed set of queries, the top-10
/// results overlap by at least 80% on average. (Their scores differ in detail: bm25 against
/// ts_rank × idf; an OR of two rare words, whose matches nearly tie, agrees least.)
@Suite struct BackendAgreementTests {
    /// A seeded synthetic archive: 200 bulletins of 8 articles in the proportions of news text:
    /// most words ordinary (2,000 invented ones, drawn evenly), one in six a topic word from a
    /// skewed list of 50 (a few common, many rare; some with accents), so a topic word appears
    /// in an article a few times at most; titles shorter than bodies, "why it matters" on every
    /// third article.
    static func corpus() -> [IncomingBulletin] {
        let vocabulary = [
            "network", "spectrum", "regulator", "privacy", "data", "broker", "chatbot", "model", "court",
            "ruling", "fibre", "satellite", "operator", "tariff", "consent", "cookie", "café", "résumé",
            "naïve", "election", "misinformation", "platform", "moderation", "encryption", "backdoor",
            "standard", "committee", "treaty", "cyber", "attack", "ransomware", "hospital", "school",
            "budget", "tax", "digital", "services", "act", "market", "competition", "merger", "cloud",
            "sovereignty", "chip", "export", "control", "quantum", "research", "funding", "startup",
        ]
        var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ro", "vi", "de", "pa", "gu", "ze"]
        let filler: [String] = (0..<2_000).map { (n: Int) -> String in
            let head: String = syllables[n % 12] + syllables[(n / 12) % 12]
            let tail: String = syllables[(n / 144) % 12] + (n >= 1_728 ? "x" : "")
            return head + tail
        }
        func word() -> String {
            guard next(6) == 0 else { return filler[next(filler.count)] }
            // Skewed: the square of a uniform draw favours the first words.
            let u = Double(next(10_000)) / 10_000
            return vocabulary[Int(u * u * Double(vocabulary.count))]
        }
        func words(_ n: Int) -> String { (0..<n).map { _ in word() }.joined(separator: " ") }
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        return (0..<200).map { b in
            Fixture.bulletin("digest-\(b).txt", receivedAt: t0 + Double(b * 3_600), articles: (0..<8).map { a in
                Fixture.article("T\(b)-\(a) " + words(3 + next(5)), words(20 + next(60)) + ".",
                                why: a % 3 == 0 ? words(6 + next(8)) : nil, position: a + 1)
            })
        }
    }

    static let queries = [
        "privacy", "spectrum", "café", "resume", "ransomware hospital", "\"data broker\"", "chip OR quantum",
        "encrypt*", "regulator NOT court", "digital services act", "naive", "cloud sovereignty", "tax",
        "moder*", "election misinformation",
    ]

    @Test func topTenOverlapAtLeastEightyPercent() throws {
        let corpus = Self.corpus()
        var tops: [ArchiveBackend: [[String]]] = [:]
        for backend in ArchiveBackend.allCases {
            let archive = try backend.make().archive
            for chunk in stride(from: 0, to: corpus.count, by: 20) {
                _ = try archive.ingest(batch: Array(corpus[chunk..<min(corpus.count, chunk + 20)]))
            }
            #expect(try archive.stats().articles == 1_600)
            if backend == .sqlite {
                // Most queries match more than ten articles: their top ten are a real choice
                // (the phrases are rarer).
                let counts = try Self.queries.map { try archive.search(SearchQuery(text: $0, limit: 10_000)).count }
                print("matches per query: " + zip(Self.queries, counts).map { "\($0)=\($1)" }.joined(separator: " "))
                #expect(counts.filter { $0 > 10 }.count >= 12)
            }
            tops[backend] = try Self.queries.map { query in
                try archive.search(SearchQuery(text: query, limit: 10)).map { String($0.title.prefix { $0 != " " }) }
            }
        }
        var overlaps: [Double] = []
        for (index, query) in Self.queries.enumerated() {
            let sqlite = tops[.sqlite]![index]
            let postgres = tops[.postgres]![index]
            #expect(!sqlite.isEmpty, "no hits for \(query) in SQLite: the corpus does not exercise it")
            #expect(sqlite.count == postgres.count, "\(query): \(sqlite.count) hits in SQLite, \(postgres.count) in PostgreSQL")
            let overlap = Double(Set(sqlite).intersection(postgres).count) / Double(max(1, sqlite.count))
            overlaps.append(overlap)
            if overlap < 0.8 { print("\(query): top-10 overlap \(overlap): SQLite \(sqlite) PostgreSQL \(postgres)") }
        }
        let mean = overlaps.reduce(0, +) / Double(overlaps.count)
        print("top-10 overlap per query: " + zip(Self.queries, overlaps).map { "\($0)=\(Int($1 * 100))%" }.joined(separator: " ")
              + String(format: "; mean %.1f%%", mean * 100))
        #expect(mean >= 0.8)
    }
}
