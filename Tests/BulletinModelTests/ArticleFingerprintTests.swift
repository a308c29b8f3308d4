import Foundation
import Testing
import BulletinSplitter
import BulletinModel

/// Article fingerprints are stored (`article.text_hash`) and compared with new articles, so
/// they must not change: the expected strings below were printed by the hand-written SHA-256
/// that computed them before swift-crypto (commit ee35783), for the same articles.
@Suite struct ArticleFingerprintTests {
    @Test func fingerprintsMatchTheOnesAlreadyStored() {
        let expected = [
            "41847247cd322a5c798285c7736600510e4919f6969ae5a13f2f7df6854b109f",
            "734a82641775ad496be32aa0d79ab9aaf9ee8398a1c8e60fb4389aa8959b7a37",
            "51c4fca0d593e2e261575818c6e203a143ac5869f4150f08da080daea0de7357",
            "b8c9e440ead3ddaccf7cc7e879d512a263272270df2d5504c0c3d1f85d16f9d9",
        ]
        #expect(IdentitySamples.articles.map(ArticleFingerprint.of) == expected)
    }

    /// 2,000 seeded random articles over every kind of whitespace, case mapping and script:
    /// the first fingerprint, and the hash of all of them (one per line), as printed before.
    @Test func twoThousandRandomArticlesKeepTheirFingerprints() {
        let fingerprints = IdentitySamples.random(count: 2_000).map(ArticleFingerprint.of)
        #expect(fingerprints.count == 2_000)
        #expect(Set(fingerprints).count > 1_900)
        #expect(fingerprints[0] == "2d01d0e3b2445f20dee824ff67ff8b7cd7e60cae3aa17667bc411a9e71632aad")
        #expect(ContentHash.of(Data(fingerprints.joined(separator: "\n").utf8))
                == "f71e7f8e92ea4cc79b08ba5ba46e1a6e82eae6d58dad8a7d25b18ca8a84d1f56")
    }

    /// Articles longer than the writer's 4 KiB buffer (up to 60 KB, random texts of the same
    /// alphabet): the fingerprint is the hash of the normalised text as the definition above
    /// builds it in one piece (`lowercased()`, then whitespace runs collapsed and trimmed).
    @Test func longArticlesGiveTheDefinitionsDigest() {
        func normalised(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            var pendingSpace = false, wroteAny = false
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isWhitespace || (0x09...0x0D).contains(scalar.value) {
                    pendingSpace = wroteAny
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(contentsOf: Array(String(scalar).utf8))
                wroteAny = true
            }
            return bytes
        }
        let pieces = IdentitySamples.random(count: 600)
        var checked = 0
        for start in stride(from: 0, to: 600, by: 40) {
            let group = pieces[start..<start + 40]
            let article = Article(title: group.map(\.title).joined(), body: group.map(\.body).joined(separator: "\n\n"),
                                  why: group.compactMap(\.why).joined(separator: " "), position: 1)
            #expect(article.body.utf8.count > 4_096)
            let expected = normalised(article.title) + [0x1F] + normalised(article.body) + [0x1F] + normalised(article.why ?? "")
            #expect(ArticleFingerprint.of(article) == ContentHash.of(expected))
            checked += 1
        }
        #expect(checked == 15)
    }

    @Test func caseAndWhitespaceDoNotChangeTheFingerprint() {
        let plain = Article(title: "Cables cut", body: "Two cables were cut.", why: nil, position: 1)
        let noisy = Article(title: "  CABLES\u{00A0}\tcut ", body: "Two\n\ncables  were\u{2003}CUT.", why: "", position: 7)
        #expect(ArticleFingerprint.of(plain) == ArticleFingerprint.of(noisy))
        let other = Article(title: "Cables cut", body: "Two cables were cut.", why: "Trade.", position: 1)
        #expect(ArticleFingerprint.of(plain) != ArticleFingerprint.of(other))
    }
}
