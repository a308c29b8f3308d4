import Foundation
import Testing
@testable import BulletinSummary

/// The summary's hand-written JSON: byte for byte what `JSONEncoder` writes for the same
/// value (the format the summaries had before), and read back to the same value.
@Suite struct SummaryJSONTests {
    static func entry(_ id: Int64, title: String = "Title", lede: String = "Lede.", why: String? = nil,
                      sources: [String] = ["a.txt"], alsoIn: [String] = []) -> DaySummary.Entry {
        DaySummary.Entry(articleID: id, title: title, lede: lede, why: why, sources: sources, alsoIn: alsoIn)
    }

    static let samples: [DaySummary] = [
        // No sections at all.
        DaySummary(date: "2026-11-29", timeZone: "UTC", generatedAt: "2026-11-29T23:00:00Z",
                   counts: .init(bulletins: 0, articles: 0, topics: 0), sections: []),
        // Empty lists inside, an unclassified section (no topicID), every optional both ways.
        DaySummary(date: "2026-11-29", timeZone: "Europe/Zurich", generatedAt: "2026-11-30T06:00:00+01:00",
                   counts: .init(bulletins: 3, articles: 1_234_567, topics: 2), sections: [
            .init(topicID: "privacy", topicName: "Privacy", articles: [
                entry(1, why: "It matters.", sources: ["a.txt", "b.txt"], alsoIn: ["AI", "Cables"]),
                entry(9_007_199_254_740_993, sources: [], alsoIn: []),
            ], unlisted: 4321),
            .init(topicID: "empty", topicName: "Nothing listed", articles: [], unlisted: 7),
            .init(topicID: nil, topicName: "Unclassified", articles: [entry(3)]),
        ]),
        // Text that needs escaping, and text that must not be escaped.
        DaySummary(date: "2026-11-29", timeZone: "America/Argentina/Buenos_Aires", generatedAt: "x",
                   counts: .init(bulletins: 1, articles: 1, topics: 1), sections: [
            .init(topicID: "t/1 \"q\"", topicName: "Back\\slash & <tag>", articles: [
                entry(5, title: "Quote \" slash / tab \t newline \n return \r",
                      lede: "\u{00}\u{01}\u{08}\u{0B}\u{0C}\u{1F}\u{7F} controls",
                      why: "é 数据 👩‍💻 \u{2028} \u{2029} \u{FEFF}", sources: ["caf%E9-%FF.txt", "a b.eml"],
                      alsoIn: [""]),
            ]),
        ]),
    ]

    /// Every field of version 2: trends with and without a mean (decimals and integral values),
    /// changes, day links, newsletters with and without title or date, top stories.
    static let withTrends: DaySummary = {
        var summary = DaySummary(date: "2026-11-29", timeZone: "UTC", generatedAt: "x",
                                 counts: .init(bulletins: 2, articles: 3, topics: 3, sections: 1), sections: [
            .init(topicID: "ai", topicName: "AI", articles: [
                DaySummary.Entry(articleID: 1, title: "T", lede: "L.", why: nil, sources: ["a.eml", "b.txt"], alsoIn: ["Trade"],
                                 newsletters: [SummarySource(file: "a.eml", title: "Digest \"42\"", date: "2026-11-28"),
                                               SummarySource(file: "b.txt", title: nil, date: nil)]),
            ]),
        ])
        summary.topics = [
            TopicTrend(id: "ai", name: "AI", articles: 3, mean: 1.29, yesterday: 1, rising: true, new: false,
                       history: [0, 1, 3]),
            TopicTrend(id: "trade", name: "Trade", articles: 1, mean: 2, yesterday: 0, rising: false, new: false,
                       history: [], listedUnder: [.init(section: "AI", articles: 1)]),
            TopicTrend(id: "q", name: "Quantum", articles: 1, mean: nil, new: true),
        ]
        summary.changes = DayChanges(articlesYesterday: 4, rising: ["AI"], new: ["Quantum"], back: [], quiet: ["Cables"])
        summary.trendWindow = 7
        summary.previousDay = "2026-11-27"
        summary.nextDay = "2026-11-30"
        summary.topStories = [
            TopStory(storyID: 3, articleID: 1, title: "T", lede: "L.", topics: ["ai"], articles: 2, bulletins: 2,
                     continuingSince: "2026-11-20", earlierArticles: 5),
            TopStory(storyID: 4, articleID: 2, title: "U", lede: "", topics: [], articles: 1, bulletins: 1,
                     continuingSince: nil, earlierArticles: 0),
        ]
        return summary
    }()

    @Test func versionTwoFieldsAreTheEncodersBytes() throws {
        let expected = try Self.encoderJSON(Self.withTrends)
        let written = SummaryRenderer.json(Self.withTrends)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(try JSONDecoder().decode(DaySummary.self, from: written) == Self.withTrends)
        #expect(String(decoding: written, as: UTF8.self).contains("\"mean\" : 1.29,"))
        #expect(String(decoding: written, as: UTF8.self).contains("\"version\" : 2\n}"))
    }

    /// What the summaries were before: `JSONEncoder`'s output and a newline.
    static func encoderJSON(_ summary: DaySummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(summary)
        data.append(0x0A)
        return data
    }

    @Test(arguments: samples) func sameBytesAsJSONEncoder(_ summary: DaySummary) throws {
        let expected = try Self.encoderJSON(summary)
        let written = SummaryRenderer.json(summary)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(try JSONDecoder().decode(DaySummary.self, from: written) == summary)
    }

    @Test func everyControlCharacterIsEscapedLikeTheEncoder() throws {
        let text = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let summary = DaySummary(date: text, timeZone: "UTC", generatedAt: "x",
                                 counts: .init(bulletins: 0, articles: 0, topics: 0), sections: [])
        #expect(SummaryRenderer.json(summary) == (try Self.encoderJSON(summary)))
    }
}
