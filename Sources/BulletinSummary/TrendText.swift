/// The trend lines of a summary in words, shared by the Markdown and the HTML: the header's
/// counts, "since yesterday", and each topic's line. Plain text: the caller escapes it for its
/// format (Markdown or HTML).
enum TrendText {
    /// `3 bulletins · 27 articles · 9 topics (7 with a section)`.
    static func counts(_ counts: DaySummary.Counts) -> String {
        var topics = plural(counts.topics, "topic", "topics")
        if counts.sections != counts.topics {
            topics += " (\(counts.sections) with a section)"
        }
        return [plural(counts.bulletins, "bulletin", "bulletins"), plural(counts.articles, "article", "articles"),
                topics].joined(separator: " · ")
    }

    /// `Since yesterday: 27 articles (yesterday 18) · rising: AI · new: Quantum · back: Privacy ·
    /// quiet today: Cables`; nil without `changes`.
    static func sinceYesterday(_ summary: DaySummary) -> String? {
        guard let changes = summary.changes else { return nil }
        var parts = ["\(plural(summary.counts.articles, "article", "articles")) (yesterday \(changes.articlesYesterday))"]
        if !changes.rising.isEmpty { parts.append("rising: " + changes.rising.joined(separator: ", ")) }
        if !changes.new.isEmpty { parts.append("new: " + changes.new.joined(separator: ", ")) }
        if !changes.back.isEmpty { parts.append("back: " + changes.back.joined(separator: ", ")) }
        if !changes.quiet.isEmpty { parts.append("quiet today: " + changes.quiet.joined(separator: ", ")) }
        if parts.count == 1 { parts.append("no topic rose or appeared") }
        return "Since yesterday: " + parts.joined(separator: " · ")
    }

    /// `12 articles · 7-day mean 3.14 · rising` and, for a topic without a section,
    /// `· listed under AI (3), Privacy (2)`.
    static func topicLine(_ topic: TopicTrend, window: Int?) -> String {
        var parts = [plural(topic.articles, "article", "articles")]
        if let mean = topic.mean, let window { parts.append("\(window)-day mean \(decimal(mean))") }
        if topic.new { parts.append("new") }
        if topic.rising { parts.append("rising") }
        if !topic.listedUnder.isEmpty {
            parts.append("listed under " + topic.listedUnder.map { "\($0.section) (\($0.articles))" }
                .joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// `3`, `3.5`, `3.14`: a mean as a person reads it.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    /// The names a reader sees for an entry's bulletins: titles and dates when known.
    static func sourceLabels(_ entry: DaySummary.Entry) -> [String] {
        entry.newsletters.isEmpty ? entry.sources : entry.newsletters.map(\.label)
    }
}
