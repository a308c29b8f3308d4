#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        if let changes = summary.changes {
            out.key("changes", first: true)
            out.open("{")
            out.key("articlesYesterday", first: true)
            out.number(changes.articlesYesterday)
            out.key("back")
            out.strings(changes.back)
            out.key("new")
            out.strings(changes.new)
            out.key("quiet")
            out.strings(changes.quiet)
            out.key("rising")
            out.strings(changes.rising)
            out.close("}")
        }
        out.key("counts", first: summary.changes == nil)
        out.open("{")
        out.key("articles", first: true)
        out.number(summary.counts.articles)
        out.key("bulletins")
        out.number(summary.counts.bulletins)
        out.key("sections")
        out.number(summary.counts.sections)
        out.key("topics")
        out.number(summary.counts.topics)
        out.close("}")
        out.key("date")
        out.string(summary.date)
        out.key("generatedAt")
        out.string(summary.generatedAt)
        if let nextDay = summary.nextDay {
            out.key("nextDay")
            out.string(nextDay)
        }
        if let previousDay = summary.previousDay {
            out.key("previousDay")
            out.string(previousDay)
        }
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
                out.key("sources")
                out.array(entry.newsletters) { out, source in
                    out.open("{")
                    if let date = source.date {
                        out.key("date", first: true)
                        out.string(date)
                    }
                    out.key("file", first: source.date == nil)
                    out.string(source.file)
                    if let title = source.title {
                        out.key("title")
                        out.string(title)
                    }
                    out.close("}")
                }
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
        out.key("topics")
        out.array(summary.topics) { out, topic in
            out.open("{")
            out.key("articles", first: true)
            out.number(topic.articles)
            out.key("history")
            out.array(topic.history) { out, count in out.number(count) }
            out.key("id")
            out.string(topic.id)
            out.key("listedUnder")
            out.array(topic.listedUnder) { out, placement in
                out.open("{")
                out.key("articles", first: true)
                out.number(placement.articles)
                out.key("section")
                out.string(placement.section)
                out.close("}")
            }
            if let mean = topic.mean {
                out.key("mean")
                out.decimal(mean)
            }
            out.key("name")
            out.string(topic.name)
            out.key("new")
            out.bool(topic.new)
            out.key("rising")
            out.bool(topic.rising)
            out.key("yesterday")
            out.number(topic.yesterday)
            out.close("}")
        }
        if let window = summary.trendWindow {
            out.key("trendWindow")
            out.number(window)
        }
        out.key("version")
        out.number(summary.version)
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

        mutating func bool(_ value: Bool) {
            if value { ascii("true") } else { ascii("false") }
        }

        /// A finite Double as the encoder writes it: an integral value without a fraction
        /// (`3`), any other in Swift's shortest form (`2.57`). The summary's decimals are
        /// means rounded to two places, far from the exponent forms.
        mutating func decimal(_ value: Double) {
            if value == value.rounded(), abs(value) < 1e15 {
                number(Int64(value))
            } else {
                bytes.append(contentsOf: value.description.utf8)
            }
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
