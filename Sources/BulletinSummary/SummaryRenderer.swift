#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Renders a `DaySummary` as Markdown (for a person, each morning) and JSON (for tools).
///
/// All text that came from bulletins (titles, sentences, file names, topic names) goes
/// through `MarkdownEscaper.inline`, so a hostile title cannot inject links, images or HTML.
public enum SummaryRenderer {
    /// Layout:
    /// ```
    /// # Bulletin summary — 2026-11-29
    ///
    /// 3 bulletins · 27 articles · 8 topics
    ///
    /// ## Top stories            (see topStoriesMarkdown; only when the day has any)
    ///
    /// ## Topic name (N)
    ///
    /// - **Title**
    ///   Lede sentence.
    ///   Why it matters: first sentence.
    ///   — source: a.txt, b.txt · also in: Other topic
    /// - … and 4321 more
    /// ```
    /// N counts all the section's articles; the last item, only when the section has
    /// `unlisted` articles, says how many are not listed. Lines inside an item end with two
    /// spaces (Markdown hard breaks). A day without articles says so in one sentence. The
    /// output ends with one newline.
    public static func markdown(_ summary: DaySummary) -> String {
        var text = ""
        markdown(summary) { text += $0 }
        return text
    }

    /// The same Markdown as `markdown(_:)`, handed to `write` piece by piece in order (the
    /// pieces joined are that text): a caller that writes them to a file as they come never
    /// holds the whole page (a large day's is several hundred kilobytes).
    public static func markdown(_ summary: DaySummary, write: (String) throws -> Void) rethrows {
        func line(_ text: String) throws {
            try write(text)
            try write("\n")
        }
        try line("# Bulletin summary — \(MarkdownEscaper.inline(summary.date))")
        try line("")
        let counts = summary.counts
        try line(TrendText.counts(counts))
        if let since = TrendText.sinceYesterday(summary) {
            try line("")
            try line(MarkdownEscaper.inline(since))
        }
        try line("")
        try line("_Generated \(MarkdownEscaper.inline(summary.generatedAt)) (\(MarkdownEscaper.inline(summary.timeZone)))._")
        for text in topStoriesMarkdown(summary.topStories, topicNames: Dictionary(
            summary.sections.compactMap { s in s.topicID.map { ($0, s.topicName) } }, uniquingKeysWith: { a, _ in a })) {
            try line(text)
        }
        for text in topicLines(summary) { try line(text) }

        let total = summary.sections.reduce(0) { $0 + $1.articleCount }
        if total == 0 {
            try line("")
            if counts.bulletins == 0 {
                try line("No bulletins arrived on this day.")
            } else {
                try line("No new articles on this day: every article had already been seen.")
            }
        }
        for section in summary.sections where section.articleCount > 0 {
            try line("")
            try line("## \(MarkdownEscaper.inline(section.topicName)) (\(section.articleCount))")
            try line("")
            for entry in section.articles {
                var item = ["- **\(MarkdownEscaper.inline(entry.title))** (#\(entry.articleID))"]
                if !entry.lede.isEmpty {
                    item.append("  \(MarkdownEscaper.inline(entry.lede))")
                }
                if let why = entry.why, !why.isEmpty {
                    item.append("  Why it matters: \(MarkdownEscaper.inline(why))")
                }
                var trailer: [String] = []
                let sources = TrendText.sourceLabels(entry)
                if !sources.isEmpty {
                    let label = sources.count == 1 ? "source" : "sources"
                    trailer.append("\(label): " + sources.map(MarkdownEscaper.inline).joined(separator: ", "))
                }
                if !entry.alsoIn.isEmpty {
                    trailer.append("also in: " + entry.alsoIn.map(MarkdownEscaper.inline).joined(separator: ", "))
                }
                if !trailer.isEmpty {
                    item.append("  — " + trailer.joined(separator: " · "))
                }
                // Hard line breaks between the lines of one item.
                try line(item.joined(separator: "  \n"))
            }
            if section.unlisted > 0 {
                try line("- … and \(section.unlisted) more")
            }
        }
    }

    /// Pretty-printed JSON with sorted keys (stable for the same summary), ending with a
    /// newline: the bytes `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]`, written by `SummaryJSONWriter`.
    public static func json(_ summary: DaySummary) -> Data {
        Data(jsonBytes(summary))
    }

    /// The same bytes as `json(_:)`, as the array they were written into: a caller that writes
    /// them to a file saves `Data`'s copy (~1 MB on a day of 2,000 bulletins).
    public static func jsonBytes(_ summary: DaySummary) -> [UInt8] {
        SummaryJSONWriter.write(summary)
    }

    /// "## Topics today": one line per topic with articles today (its trend, and where its
    /// articles are when it has no section of its own), so every topic is findable. Nothing
    /// on a day without topics.
    private static func topicLines(_ summary: DaySummary) -> [String] {
        guard !summary.topics.isEmpty else { return [] }
        var lines = ["", "## Topics today", ""]
        for topic in summary.topics {
            lines.append("- \(MarkdownEscaper.inline(topic.name)): "
                         + MarkdownEscaper.inline(TrendText.topicLine(topic, window: summary.trendWindow)))
        }
        return lines
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
