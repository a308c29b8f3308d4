/// Renders summaries as self-contained HTML pages (inline CSS and SVG, no script, no fetch):
/// a day (`YYYY-MM-DD.html`), a week (`YYYY-Www.html`) and the archive's `index.html`.
/// Values in, a string out; the markup is in `DigestTemplates`, and every text from bulletins
/// reaches it through the template's escaping (`PageTemplate`, `HTMLEscaper`; never
/// concatenated into markup here).
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
        context["date"] = .text(summary.date)
        context["countsLine"] = .text(TrendText.counts(summary.counts))
        context["generatedAt"] = .text(summary.generatedAt)
        context["timeZone"] = .text(summary.timeZone)
        if let since = TrendText.sinceYesterday(summary) { context["since"] = .text(since) }
        if let previous = summary.previousDay { context["previousDay"] = .text(previous) }
        if let next = summary.nextDay { context["nextDay"] = .text(next) }
        if summary.counts.articles == 0 {
            context["empty"] = summary.counts.bulletins == 0
                ? "No bulletins arrived on this day."
                : "No new articles on this day: every article had already been seen."
        }
        context.merge(storiesContext(summary.topStories)) { $1 }
        let limit = max(0, listLimit)
        context["sections"] = .list(summary.sections.enumerated().compactMap { index, section -> TemplateValue? in
            guard section.articleCount > 0 else { return nil }
            var values: [String: TemplateValue] = [
                "anchor": "section-\(index + 1)", "name": .text(section.topicName), "count": .number(section.articleCount),
                "entries": .list(section.articles.prefix(limit).map(entryContext)),
            ]
            let more = section.articleCount - min(limit, section.articles.count)
            if more > 0 {
                values["more"] = .number(more)
                values["moreHint"] = .text(section.topicID.map { "bulletind search --topic \($0)" }
                    ?? "in \(summary.date).md")
            }
            return .record(values)
        })
        return DigestTemplates.dayPage.render(context)
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
        context["week"] = .text(summary.week)
        context["range"] = "\(summary.days.first ?? "") to \(summary.days.last ?? "")"
        context["countsLine"] = .text(TrendText.counts(summary.counts))
        context["generatedAt"] = .text(summary.generatedAt)
        context["timeZone"] = .text(summary.timeZone)
        if let since = WeekText.changes(summary) { context["since"] = .text(since) }
        if summary.counts.articles == 0 { context["empty"] = "No articles arrived in this week." }
        context["days"] = .list(summary.days.enumerated().map { index, day in
            .record(["date": .text(day), "label": .text(String(day.suffix(5))),
                     "linked": .flag(index < summary.dailyArticles.count && summary.dailyArticles[index] > 0)])
        })
        context["hasDaily"] = .flag(!summary.topics.isEmpty)
        context["daily"] = .list(summary.topics.map { topic in
            .record(["name": .text(topic.name), "counts": .list(topic.daily.map(TemplateValue.number)),
                     "total": .number(topic.articles)])
        })
        context.merge(storiesContext(summary.topStories)) { $1 }
        return DigestTemplates.weekPage.render(context)
    }

    /// The archive's index page: its weeks and days, newest first, with counts and top topics.
    public static func index(_ index: ArchiveIndex) -> String {
        let context: [String: TemplateValue] = [
            "pageTitle": "Bulletin summaries",
            "generatedAt": .text(index.generatedAt),
            "timeZone": .text(index.timeZone),
            "hasDays": .flag(!index.days.isEmpty),
            "days": .list(index.days.map { day in
                .record(["file": .text(day.file), "label": .text(day.label), "bulletins": .number(day.bulletins),
                         "articles": .number(day.articles), "topTopics": .text(day.topTopics.joined(separator: ", "))])
            }),
            "hasWeeks": .flag(!index.weeks.isEmpty),
            "weeks": .list(index.weeks.map { week in
                .record(["file": .text(week.file), "label": .text(week.label), "articles": .number(week.articles),
                         "topTopics": .text(week.topTopics.joined(separator: ", "))])
            }),
        ]
        return DigestTemplates.indexPage.render(context)
    }

    /// A chart coordinate as SVG writes it.
    private static func svg(_ value: Double) -> TemplateValue {
        .text(SVGNumber.text(value))
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
                                      unit: String, weeks: Int? = nil) -> [String: TemplateValue] {
        let geometry = ChartGeometry.bars(topics.map { ($0.articles, $0.mean) })
        let meanWords = window.map { "\($0)-day mean" } ?? weeks.map { "mean of " + WeekText.previousWeeks($0) } ?? "mean"
        var description: [String] = []
        let bars = zip(topics, geometry).map { topic, bar -> TemplateValue in
            var words = "\(topic.name): \(TrendText.plural(topic.articles, "article", "articles"))"
            if let mean = topic.mean { words += ", \(meanWords) \(TrendText.decimal(mean))" }
            description.append(words)
            var values: [String: TemplateValue] = [
                "id": .text(topic.id), "name": .text(topic.name), "articles": .number(topic.articles),
                "rising": .flag(topic.rising), "new": .flag(topic.new),
                "labelY": svg(bar.y + ChartGeometry.labelBaseline),
                "barY": svg(bar.y + ChartGeometry.barTop),
                "barHeight": svg(ChartGeometry.barHeight),
                "width": svg(bar.width),
                "valueX": svg(max(bar.width, bar.meanX ?? 0) + 6),
                "valueY": svg(bar.y + ChartGeometry.barTop + ChartGeometry.barHeight - 2),
            ]
            if let meanX = bar.meanX {
                values["meanX"] = svg(meanX)
                values["meanY1"] = svg(bar.y + ChartGeometry.barTop - 3)
                values["meanY2"] = svg(bar.y + ChartGeometry.barTop + ChartGeometry.barHeight + 3)
            }
            return .record(values)
        }
        let rows = topics.map { topic -> TemplateValue in
            let spark = ChartGeometry.sparkline(topic.history)
            var values: [String: TemplateValue] = [
                "name": .text(topic.name), "articles": .number(topic.articles), "rising": .flag(topic.rising), "new": .flag(topic.new),
                "mean": .text(topic.mean.map(TrendText.decimal) ?? "–"),
                "sparkWidth": svg(ChartGeometry.sparkWidth + 4),
                "sparkHeight": svg(ChartGeometry.sparkHeight + 4),
                "points": .text(spark.points), "lastX": svg(spark.lastX), "lastY": svg(spark.lastY),
                "sparkLabel": .text("\(topic.history.count) days: " + topic.history.map(String.init).joined(separator: " ")),
            ]
            if let anchor = anchors[topic.id] { values["anchor"] = .text(anchor) }
            if !topic.listedUnder.isEmpty {
                values["listedUnder"] = .text(topic.listedUnder.map { "\($0.section) (\($0.articles))" }.joined(separator: ", "))
            }
            return .record(values)
        }
        var context: [String: TemplateValue] = [
            "hasTopics": .flag(!topics.isEmpty), "bars": .list(bars), "rows": .list(rows),
            "chartWidth": svg(ChartGeometry.chartWidth),
            "chartHeight": svg(ChartGeometry.chartHeight(rows: topics.count)),
            "chartDescription": .text(description.joined(separator: "; ")),
            "unitLabel": .text(unit),
            "countHeading": weeks == nil ? "Today" : "Week",
            "topicsHeading": weeks == nil ? "Topics today" : "Topics this week",
            "sparkHeading": weeks == nil ? "Last 30 days" : "Day by day",
            "tableCaption": weeks == nil
                ? "Every topic with articles today; a topic listed under another topic's section says where."
                : "Every topic with articles this week.",
        ]
        if let window { context["window"] = .number(window) }
        if let weeks, weeks > 0 { context["weeksLabel"] = .text(WeekText.previousWeeks(weeks)) }
        return context
    }

    private static func entryContext(_ entry: DaySummary.Entry) -> TemplateValue {
        var values: [String: TemplateValue] = ["title": .text(entry.title), "articleID": "\(entry.articleID)"]
        if !entry.lede.isEmpty { values["lede"] = .text(entry.lede) }
        if let why = entry.why, !why.isEmpty { values["why"] = .text(why) }
        var meta: [String] = []
        let sources = TrendText.sourceLabels(entry)
        if !sources.isEmpty {
            meta.append((sources.count == 1 ? "source: " : "sources: ") + sources.joined(separator: "; "))
        }
        if !entry.alsoIn.isEmpty { meta.append("also in: " + entry.alsoIn.joined(separator: ", ")) }
        if !meta.isEmpty { values["meta"] = .text(meta.joined(separator: " · ")) }
        return .record(values)
    }

    private static func storiesContext(_ stories: [TopStory]) -> [String: TemplateValue] {
        [
            "hasStories": .flag(!stories.isEmpty),
            "stories": .list(stories.map { story in
                let coverage = TrendText.plural(story.articles, "article", "articles") + " · in "
                    + TrendText.plural(story.bulletins, "bulletin", "bulletins")
                var values: [String: TemplateValue] = ["title": .text(story.title), "articleID": "\(story.articleID)",
                                                     "coverage": .text(coverage)]
                if !story.lede.isEmpty { values["lede"] = .text(story.lede) }
                if let since = story.continuingSince {
                    values["continuing"] = "\(since) (\(TrendText.plural(story.earlierArticles, "earlier article", "earlier articles")))"
                }
                return .record(values)
            }),
        ]
    }
}
