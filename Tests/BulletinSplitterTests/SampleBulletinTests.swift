import Foundation
import Testing
import BulletinReader
@testable import BulletinSplitter

/// The real sample, read at run time (skipped when absent). The expected articles are
/// derived from the sample's own regular layout — title after each trailer, body up to
/// "Why does it matter?", why section up to the trailer — so no sample text is copied.
@Suite struct SampleBulletinTests {
    struct Expected: Equatable {
        var title: String
        var body: String
        var why: String?
    }

    /// Reads the sample's layout directly: blocks separated by blank lines, trailers are
    /// the blocks mentioning the chatbot.
    static func expectedArticles(_ text: String) -> [Expected] {
        let blocks = text.components(separatedBy: "\n\n")
        var result: [Expected] = []
        var current: [String] = []
        for block in blocks {
            if block.contains("chatbot") {
                let title = current[0]
                let rest = Array(current.dropFirst())
                if let whyIndex = rest.firstIndex(where: { $0.hasPrefix("Why does it matter") }) {
                    result.append(Expected(title: title, body: rest[..<whyIndex].joined(separator: "\n\n"),
                                           why: rest[(whyIndex + 1)...].joined(separator: "\n\n")))
                } else {
                    result.append(Expected(title: title, body: rest.joined(separator: "\n\n"), why: nil))
                }
                current = []
            } else {
                current.append(block)
            }
        }
        return result
    }

    static func actual(_ articles: [Article]) -> [Expected] {
        articles.map { Expected(title: $0.title, body: $0.body, why: $0.why) }
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Greedy wrap of every line at `width` columns.
    static func hardWrapped(_ text: String, width: Int) -> String {
        lines(text).map { line -> String in
            var wrapped: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty && current.count + 1 + word.count > width {
                    wrapped.append(current)
                    current = ""
                }
                current += current.isEmpty ? String(word) : " " + word
            }
            wrapped.append(current)
            return wrapped.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func collapsingSpaces(_ text: String) -> String {
        text.replacingOccurrences(of: #" {2,}"#, with: " ", options: .regularExpression)
    }

    @Test func splitsTheSampleIntoItsTenArticles() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let expected = Self.expectedArticles(document.text)
        #expect(expected.count == 10)
        #expect(expected.filter { $0.why == nil }.count == 1)
        let articles = try BulletinSplitter().checkedSplit(document)
        #expect(articles.map(\.position) == Array(1...10))
        #expect(Self.actual(articles) == expected)
        #expect(articles[6].why == nil)
    }

    @Test func splitsTheSampleWithoutBlankLines() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let squeezed = Self.lines(document.text).filter { !$0.isEmpty }.joined(separator: "\n")
        let articles = try BulletinSplitter().checkedSplit(FixtureLoader.normalisedDocument(squeezed))
        #expect(Self.actual(articles) == Self.expectedArticles(document.text))
    }

    @Test func splitsTheSampleWithoutAnyTrailer() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let expected = Self.expectedArticles(document.text)
        let stripped = Self.lines(document.text).filter { !$0.contains("chatbot") }.joined(separator: "\n")
        let articles = try BulletinSplitter().checkedSplit(FixtureLoader.normalisedDocument(stripped))
        #expect(articles.map(\.title) == expected.map(\.title))
        #expect(Self.actual(articles) == expected)
    }

    @Test func splitsTheSampleWhenEveryOtherTrailerIsMissing() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        var seen = 0
        let stripped = Self.lines(document.text).filter { line in
            guard line.contains("chatbot") else { return true }
            seen += 1
            return seen % 2 == 0
        }.joined(separator: "\n")
        let articles = try BulletinSplitter().checkedSplit(FixtureLoader.normalisedDocument(stripped))
        #expect(Self.actual(articles) == Self.expectedArticles(document.text))
    }

    @Test func splitsTheSampleHardWrappedAt72Columns() throws {
        guard let document = try FixtureLoader.sample() else {
            print("note: sample bulletin not found; skipping")
            return
        }
        let expected = Self.expectedArticles(document.text).map {
            Expected(title: Self.collapsingSpaces($0.title), body: Self.collapsingSpaces($0.body), why: $0.why.map(Self.collapsingSpaces))
        }
        let wrapped = Self.hardWrapped(document.text, width: 72)
        let articles = try BulletinSplitter().checkedSplit(FixtureLoader.normalisedDocument(wrapped))
        #expect(articles.map(\.title) == expected.map(\.title))
        #expect(Self.actual(articles) == expected)
    }
}
