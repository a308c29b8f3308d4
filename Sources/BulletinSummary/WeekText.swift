#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The weekly roll-up as Markdown and JSON (the HTML is `SummaryHTML.week`).
public enum WeekText {
    /// `Rose: AI (14; mean of the 4 weeks before 5.25) · Appeared: Quantum (6)`; nil when
    /// nothing rose or appeared.
    static func changes(_ summary: WeekSummary) -> String? {
        var parts: [String] = []
        let rose = summary.topics.filter(\.rising)
        if !rose.isEmpty {
            parts.append("rose: " + rose.map { topic in
                "\(topic.name) (\(topic.articles); mean of \(previousWeeks(summary.previousWeeks)) "
                    + "\(TrendText.decimal(topic.previousMean ?? 0)))"
            }.joined(separator: ", "))
        }
        let appeared = summary.topics.filter(\.new)
        if !appeared.isEmpty {
            parts.append("appeared: " + appeared.map { "\($0.name) (\($0.articles))" }.joined(separator: ", "))
        }
        return parts.isEmpty ? nil : "This week " + parts.joined(separator: " · ")
    }

    /// `the week before`, `the 3 weeks before`.
    static func previousWeeks(_ count: Int) -> String {
        count == 1 ? "the week before" : "the \(count) weeks before"
    }

    /// ```
    /// # Bulletin summary — week 2026-W48 (2026-11-23 to 2026-11-29)
    ///
    /// 12 bulletins · 210 articles · 14 topics
    ///
    /// This week rose: … · appeared: …
    ///
    /// ## Topics day by day
    ///
    /// | Topic | Mon | Tue | … | Sun | Week | Trend |
    /// ```
    /// then "## Largest stories" when there are any. Ends with a newline.
    public static func markdown(_ summary: WeekSummary) -> String {
        var lines = ["# Bulletin summary — week \(MarkdownEscaper.inline(summary.week)) "
                     + "(\(summary.days.first ?? "") to \(summary.days.last ?? ""))", ""]
        lines.append(TrendText.counts(summary.counts))
        if let changes = changes(summary) {
            lines.append("")
            lines.append(MarkdownEscaper.inline(changes))
        }
        lines.append("")
        lines.append("_Generated \(MarkdownEscaper.inline(summary.generatedAt)) (\(MarkdownEscaper.inline(summary.timeZone)))._")
        if summary.topics.isEmpty {
            lines.append("")
            lines.append("No articles arrived in this week.")
        } else {
            lines.append("")
            lines.append("## Topics day by day")
            lines.append("")
            let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            lines.append("| Topic | " + weekdays.prefix(summary.days.count).joined(separator: " | ") + " | Week | Trend |")
            lines.append("|---|" + String(repeating: "---:|", count: summary.days.count + 1) + "---|")
            for topic in summary.topics {
                let trend = [topic.new ? "new" : nil, topic.rising ? "rising" : nil].compactMap { $0 }.joined(separator: ", ")
                // A pipe in a topic name would end the cell.
                let name = MarkdownEscaper.inline(topic.name).replacing("|", with: "\\|")
                lines.append("| \(name) | " + topic.daily.map(String.init).joined(separator: " | ")
                             + " | \(topic.articles) | \(trend) |")
            }
        }
        if !summary.topStories.isEmpty {
            lines.append("")
            lines.append("## Largest stories")
            lines.append("")
            for story in summary.topStories {
                lines.append("- **\(MarkdownEscaper.inline(story.title))** (#\(story.articleID)) — "
                             + "\(TrendText.plural(story.articles, "article", "articles")) in "
                             + TrendText.plural(story.bulletins, "bulletin", "bulletins"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pretty-printed JSON with sorted keys, ending with a newline (docs/SUMMARY.md).
    public static func json(_ summary: WeekSummary) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(summary)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
