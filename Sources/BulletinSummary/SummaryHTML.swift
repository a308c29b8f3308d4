/// Renders summaries as self-contained HTML pages (inline CSS and SVG, no script, no fetch):
/// a day (`YYYY-MM-DD.html`), a week (`YYYY-Www.html`) and the archive's `index.html`.
/// Values in, a string out; the markup is in `DigestTemplates`, and every text from bulletins
/// reaches it through Mustache's escaping (never concatenated into markup here).
public enum SummaryHTML {
    /// Entries a day page lists per section: a 2,000-article day stays under 200 KB; the
    /// Markdown and JSON list more (`DaySummaryBuilder.listLimit`), the archive has all.
    public static let defaultListLimit = 12

    /// The day page. Layout: links to the index and the neighbouring days; the day's counts
    /// and "since yesterday"; "Topics today" (bar chart of every topic's articles with the
    /// trailing mean marked, then the same numbers as a table with a 30-day sparkline per
    /// topic); "Top stories" when there are any; one section per topic (at most `listLimit`
    /// entries, then "… and N more"). Ends with a newline.
    public static func day(_ summary: DaySummary, listLimit: Int = defaultListLimit) -> String {
        var context = topicsContext(summary.topics, window: summary.trendWindow,
                                    anchors: sectionAnchors(summary), unit: "articles today")
        context["pageTitle"] = "Bulletin summary — \(summary.date)"
        context["date"] = summary.date
        context["countsLine"] = TrendText.counts(summary.counts)
        context["generatedAt"] = summary.generatedAt
        context["timeZone"] = summary.timeZone
        if let since = TrendText.sinceYesterday(summary) { context["since"] = since }
        if let previous = summary.previousDay { context["previousDay"] = previous }
        if let next = summary.nextDay { context["nextDay"] = next }
        if summary.counts.articles == 0 {
            context["empty"] = summary.counts.bulletins == 0
                ? "No bulletins arrived on this day."
                : "No new articles on this day: every article had already been seen."
        }
        context.merge(storiesContext(summary.topStories)) { $1 }
        let limit = max(0, listLimit)
        context["sections"] = summary.sections.enumerated().compactMap { index, section -> [String: Any]? in
            guard section.articleCount > 0 else { return nil }
            var values: [String: Any] = [
                "anchor": "section-\(index + 1)", "name": section.topicName, "count": section.articleCount,
                "entries": section.articles.prefix(limit).map(entryContext),
            ]
            let more = section.articleCount - min(limit, section.articles.count)
            if more > 0 {
                values["more"] = more
                values["moreHint"] = section.topicID.map { "bulletind search --topic \($0)" }
                    ?? "in \(summary.date).md"
            }
            return values
        }
        return DigestTemplates.render(context, page: "day")
    }

    /// The week page: the week's counts, its topics' bar chart (week totals with the mean of
    /// the previous weeks marked) and table, the topics day by day, its largest stories.
    public static func week(_ summary: WeekSummary) -> String {
        let trends = summary.topics.map { topic in
            TopicTrend(id: topic.id, name: topic.name, articles: topic.articles, mean: topic.previousMean,
                       rising: topic.rising, new: topic.new, history: topic.daily)
        }
        var context = topicsContext(trends, window: nil, anchors: [:], unit: "articles this week",
                                    weeks: summary.previousWeeks)
        context["pageTitle"] = "Bulletin summary — week \(summary.week)"
        context["week"] = summary.week
        context["range"] = "\(summary.days.first ?? "") to \(summary.days.last ?? "")"
        context["countsLine"] = TrendText.counts(summary.counts)
        context["generatedAt"] = summary.generatedAt
        context["timeZone"] = summary.timeZone
        if let since = WeekText.changes(summary) { context["since"] = since }
        if summary.counts.articles == 0 { context["empty"] = "No articles arrived in this week." }
        context["days"] = summary.days.enumerated().map { index, day -> [String: Any] in
            ["date": day, "label": String(day.suffix(5)),
             "linked": index < summary.dailyArticles.count && summary.dailyArticles[index] > 0]
        }
        context["hasDaily"] = !summary.topics.isEmpty
        context["daily"] = summary.topics.map { topic -> [String: Any] in
            ["name": topic.name, "counts": topic.daily.map { String($0) }, "total": topic.articles]
        }
        context.merge(storiesContext(summary.topStories)) { $1 }
        return DigestTemplates.render(context, page: "week")
    }

    /// The archive's index page: its weeks and days, newest first, with counts and top topics.
    public static func index(_ index: ArchiveIndex) -> String {
        let context: [String: Any] = [
            "pageTitle": "Bulletin summaries",
            "generatedAt": index.generatedAt,
            "timeZone": index.timeZone,
            "hasDays": !index.days.isEmpty,
            "days": index.days.map { day -> [String: Any] in
                ["file": day.file, "label": day.label, "bulletins": day.bulletins, "articles": day.articles,
                 "topTopics": day.topTopics.joined(separator: ", ")]
            },
            "hasWeeks": !index.weeks.isEmpty,
            "weeks": index.weeks.map { week -> [String: Any] in
                ["file": week.file, "label": week.label, "articles": week.articles,
                 "topTopics": week.topTopics.joined(separator: ", ")]
            },
        ]
        return DigestTemplates.render(context, page: "index")
    }

    /// Topic id → the anchor of its section on the day page.
    private static func sectionAnchors(_ summary: DaySummary) -> [String: String] {
        var anchors: [String: String] = [:]
        for (index, section) in summary.sections.enumerated() {
            if let id = section.topicID { anchors[id] = "section-\(index + 1)" }
        }
        return anchors
    }

    /// The chart, the table and the sparklines of `topics`.
    private static func topicsContext(_ topics: [TopicTrend], window: Int?, anchors: [String: String],
                                      unit: String, weeks: Int? = nil) -> [String: Any] {
        let geometry = ChartGeometry.bars(topics.map { ($0.articles, $0.mean) })
        let meanWords = window.map { "\($0)-day mean" } ?? weeks.map { "mean of " + WeekText.previousWeeks($0) } ?? "mean"
        var description: [String] = []
        let bars = zip(topics, geometry).map { topic, bar -> [String: Any] in
            var words = "\(topic.name): \(TrendText.plural(topic.articles, "article", "articles"))"
            if let mean = topic.mean { words += ", \(meanWords) \(TrendText.decimal(mean))" }
            description.append(words)
            var values: [String: Any] = [
                "id": topic.id, "name": topic.name, "articles": topic.articles, "rising": topic.rising, "new": topic.new,
                "labelY": SVGNumber.text(bar.y + ChartGeometry.labelBaseline),
                "barY": SVGNumber.text(bar.y + ChartGeometry.barTop),
                "barHeight": SVGNumber.text(ChartGeometry.barHeight),
                "width": SVGNumber.text(bar.width),
                "valueX": SVGNumber.text(max(bar.width, bar.meanX ?? 0) + 6),
                "valueY": SVGNumber.text(bar.y + ChartGeometry.barTop + ChartGeometry.barHeight - 2),
            ]
            if let meanX = bar.meanX {
                values["meanX"] = SVGNumber.text(meanX)
                values["meanY1"] = SVGNumber.text(bar.y + ChartGeometry.barTop - 3)
                values["meanY2"] = SVGNumber.text(bar.y + ChartGeometry.barTop + ChartGeometry.barHeight + 3)
            }
            return values
        }
        let rows = topics.map { topic -> [String: Any] in
            let spark = ChartGeometry.sparkline(topic.history)
            var values: [String: Any] = [
                "name": topic.name, "articles": topic.articles, "rising": topic.rising, "new": topic.new,
                "mean": topic.mean.map(TrendText.decimal) ?? "–",
                "sparkWidth": SVGNumber.text(ChartGeometry.sparkWidth + 4),
                "sparkHeight": SVGNumber.text(ChartGeometry.sparkHeight + 4),
                "points": spark.points, "lastX": SVGNumber.text(spark.lastX), "lastY": SVGNumber.text(spark.lastY),
                "sparkLabel": "\(topic.history.count) days: " + topic.history.map(String.init).joined(separator: " "),
            ]
            if let anchor = anchors[topic.id] { values["anchor"] = anchor }
            if !topic.listedUnder.isEmpty {
                values["listedUnder"] = topic.listedUnder.map { "\($0.section) (\($0.articles))" }.joined(separator: ", ")
            }
            return values
        }
        var context: [String: Any] = [
            "hasTopics": !topics.isEmpty, "bars": bars, "rows": rows,
            "chartWidth": SVGNumber.text(ChartGeometry.chartWidth),
            "chartHeight": SVGNumber.text(ChartGeometry.chartHeight(rows: topics.count)),
            "chartDescription": description.joined(separator: "; "),
            "unitLabel": unit,
            "countHeading": weeks == nil ? "Today" : "Week",
            "topicsHeading": weeks == nil ? "Topics today" : "Topics this week",
            "sparkHeading": weeks == nil ? "Last 30 days" : "Day by day",
            "tableCaption": weeks == nil
                ? "Every topic with articles today; a topic listed under another topic's section says where."
                : "Every topic with articles this week.",
        ]
        if let window { context["window"] = String(window) }
        if let weeks, weeks > 0 { context["weeksLabel"] = WeekText.previousWeeks(weeks) }
        return context
    }

    private static func entryContext(_ entry: DaySummary.Entry) -> [String: Any] {
        var values: [String: Any] = ["title": entry.title, "articleID": String(entry.articleID)]
        if !entry.lede.isEmpty { values["lede"] = entry.lede }
        if let why = entry.why, !why.isEmpty { values["why"] = why }
        var meta: [String] = []
        let sources = TrendText.sourceLabels(entry)
        if !sources.isEmpty {
            meta.append((sources.count == 1 ? "source: " : "sources: ") + sources.joined(separator: "; "))
        }
        if !entry.alsoIn.isEmpty { meta.append("also in: " + entry.alsoIn.joined(separator: ", ")) }
        if !meta.isEmpty { values["meta"] = meta.joined(separator: " · ") }
        return values
    }

    private static func storiesContext(_ stories: [TopStory]) -> [String: Any] {
        [
            "hasStories": !stories.isEmpty,
            "stories": stories.map { story -> [String: Any] in
                let coverage = TrendText.plural(story.articles, "article", "articles") + " · in "
                    + TrendText.plural(story.bulletins, "bulletin", "bulletins")
                var values: [String: Any] = ["title": story.title, "articleID": String(story.articleID),
                                             "coverage": coverage]
                if !story.lede.isEmpty { values["lede"] = story.lede }
                if let since = story.continuingSince {
                    values["continuing"] = "\(since) (\(TrendText.plural(story.earlierArticles, "earlier article", "earlier articles")))"
                }
                return values
            },
        ]
    }
}
