import Foundation
import JSONText

/// Writes a `DaySummary` as JSON by hand: the same bytes as `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (keys in order, two-space
/// indent, `"key" : value`, nil optionals left out), at a fraction of its cost — the encoder
/// took more than half of a large day's rendering time.
enum SummaryJSONWriter {
    static func write(_ summary: DaySummary) -> Data {
        var out = Output()
        out.bytes.reserveCapacity(4096 + summary.sections.reduce(0) { $0 + $1.articles.count } * 768)
        out.open("{")
        out.key("counts", first: true)
        out.open("{")
        out.key("articles", first: true)
        out.number(summary.counts.articles)
        out.key("bulletins")
        out.number(summary.counts.bulletins)
        out.key("topics")
        out.number(summary.counts.topics)
        out.close("}")
        out.key("date")
        out.string(summary.date)
        out.key("generatedAt")
        out.string(summary.generatedAt)
        out.key("sections")
        out.array(summary.sections) { out, section in
            out.open("{")
            out.key("articles", first: true)
            out.array(section.articles) { out, entry in
                out.open("{")
                out.key("alsoIn", first: true)
                out.strings(entry.alsoIn)
                out.key("articleID")
                out.number(entry.articleID)
                out.key("bulletins")
                out.strings(entry.sources)
                out.key("lede")
                out.string(entry.lede)
                out.key("title")
                out.string(entry.title)
                if let why = entry.why {
                    out.key("why")
                    out.string(why)
                }
                out.close("}")
            }
            if let topicID = section.topicID {
                out.key("id")
                out.string(topicID)
            }
            out.key("name")
            out.string(section.topicName)
            out.key("unlisted")
            out.number(section.unlisted)
            out.close("}")
        }
        out.key("timeZone")
        out.string(summary.timeZone)
        out.key("topStories")
        out.array(summary.topStories) { out, story in
            out.open("{")
            out.key("articleID", first: true)
            out.number(story.articleID)
            out.key("articles")
            out.number(story.articles)
            out.key("bulletins")
            out.number(story.bulletins)
            if let since = story.continuingSince {
                out.key("continuingSince")
                out.string(since)
            }
            out.key("earlierArticles")
            out.number(story.earlierArticles)
            out.key("lede")
            out.string(story.lede)
            out.key("storyID")
            out.number(story.storyID)
            out.key("title")
            out.string(story.title)
            out.key("topics")
            out.strings(story.topics)
            out.close("}")
        }
        out.close("}")
        out.bytes.append(0x0A)
        return Data(out.bytes)
    }

    /// The bytes written so far and the current depth.
    private struct Output {
        var bytes: [UInt8] = []
        var depth = 0

        mutating func ascii(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func newline() {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }

        /// `{` or `[`, and one level deeper.
        mutating func open(_ bracket: StaticString) {
            ascii(bracket)
            depth += 1
        }

        /// One level shallower, then `}` or `]` on a line of its own.
        mutating func close(_ bracket: StaticString) {
            depth -= 1
            newline()
            ascii(bracket)
        }

        /// A member's key on a new line, after a comma unless it is the object's first.
        mutating func key(_ name: StaticString, first: Bool = false) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            newline()
            bytes.append(UInt8(ascii: "\""))
            ascii(name)
            ascii("\" : ")
        }

        mutating func number<Number: BinaryInteger>(_ value: Number) {
            bytes.append(contentsOf: String(value).utf8)
        }

        /// An array; like the encoder, an empty one is `[`, an empty line, and `]`.
        mutating func array<Element>(_ elements: [Element], _ element: (inout Output, Element) -> Void) {
            open("[")
            if elements.isEmpty { bytes.append(0x0A) }
            for (index, value) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline()
                element(&self, value)
            }
            close("]")
        }

        mutating func strings(_ values: [String]) {
            array(values) { out, value in out.string(value) }
        }

        /// A string literal: `/` and non-ASCII as they are (`JSONStringEscaper`).
        mutating func string(_ value: String) {
            JSONStringEscaper.append(value, to: &bytes, escapingSlashes: false)
        }
    }
}
